package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Invoices and their lines in Stripe's shape, kept in the customer's list (newest first). */
final class InvoiceObjects {

    private InvoiceObjects() {
    }

    /** A finalized invoice of the subscription, newest first in the customer's list. */
    static JsonObject invoice(StripeObjects objects, String subscriptionId, String status, long total, Instant created, Instant periodStart,
                       Instant periodEnd, List<JsonObject> lines) {
        JsonObject subscription = objects.subscription(subscriptionId);
        String customer = subscription.get("customer").getAsString();
        JsonObject invoice = StripeObjects.fixture("invoice");
        String id = objects.newId("in");
        invoice.addProperty("id", id);
        invoice.addProperty("number", "EMU-" + id.substring(id.length() - 4));
        invoice.addProperty("customer", customer);
        invoice.addProperty("status", status);
        invoice.addProperty("currency", subscription.get("currency").getAsString());
        invoice.addProperty("total", total);
        invoice.addProperty("subtotal", total);
        invoice.addProperty("amount_due", Math.max(total, 0));
        invoice.addProperty("amount_paid", status.equals("paid") ? Math.max(total, 0) : 0);
        invoice.addProperty("amount_remaining", status.equals("paid") ? 0 : Math.max(total, 0));
        invoice.addProperty("created", created.getEpochSecond());
        invoice.addProperty("period_start", periodStart.getEpochSecond());
        invoice.addProperty("period_end", periodEnd.getEpochSecond());
        invoice.addProperty("invoice_pdf", "https://pay.stripe.com/invoice/" + id + "/pdf");
        invoice.addProperty("hosted_invoice_url", "https://invoice.stripe.com/i/" + id);
        // an open invoice is tried again in three days, as Stripe's retries do
        StripeJson.setEpoch(invoice, "next_payment_attempt", status.equals("open") ? created.plusSeconds(3 * 86_400) : null);
        JsonObject details = new JsonObject();
        details.addProperty("subscription", subscriptionId);
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        parent.add("subscription_details", details);
        invoice.add("parent", parent);
        JsonArray data = new JsonArray();
        lines.forEach(data::add);
        invoice.getAsJsonObject("lines").add("data", data);
        invoice.getAsJsonObject("lines").addProperty("has_more", false);
        objects.invoicesByCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).addFirst(invoice);
        return invoice;
    }

    /** A line of a subscription's invoice: a period's charge, or a proration (credit or charge for the time left). */
    static JsonObject line(StripeObjects objects, String description, long amount, String currency, long quantity, Instant start, Instant end,
                    boolean proration) {
        JsonObject line = StripeObjects.fixture("line_item");
        line.addProperty("id", objects.newId("il"));
        line.addProperty("description", description);
        line.addProperty("amount", amount);
        line.addProperty("currency", currency);
        line.addProperty("quantity", quantity);
        JsonObject period = new JsonObject();
        period.addProperty("start", start.getEpochSecond());
        period.addProperty("end", end.getEpochSecond());
        line.add("period", period);
        JsonObject details = line.getAsJsonObject("parent").getAsJsonObject("subscription_item_details");
        details.addProperty("proration", proration);
        line.getAsJsonObject("parent").addProperty("type", "subscription_item_details");
        line.getAsJsonObject("parent").add("invoice_item_details", JsonNull.INSTANCE);
        return line;
    }
}
