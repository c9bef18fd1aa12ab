package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.subscriptionbff.demo.stripe.StripeObjects.Item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.subscriptionbff.demo.stripe.StripeJson.invalid;
import static com.subscriptionbff.demo.stripe.StripeJson.missing;

/**
 * POST /v1/subscriptions, for a trial (trial_period_days): status trialing, its period the trial, trial_settings and
 * payment_settings as asked (event customer.subscription.created). At the trial's end {@link EmulatedRenewals}
 * charges the default card or, without one, cancels it. Paid subscriptions start through Checkout, not here. Also
 * how the demo data's subscriptions are put into the account.
 */
final class EmulatedNewSubscriptions {

    private final StripeObjects objects;
    private final EmulatedCustomers customers;
    private final EmulatedEvents events;

    EmulatedNewSubscriptions(StripeObjects objects, EmulatedCustomers customers, EmulatedEvents events) {
        this.objects = objects;
        this.customers = customers;
        this.events = events;
    }

    JsonObject create(Map<String, String> params, Instant now) {
        String customer = params.get("customer");
        if (customer == null) {
            throw invalid("Missing required param: customer.");
        }
        if (!customers.exists(customer)) {
            throw missing("customer", customer);
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        for (int index = 0; params.containsKey("items[" + index + "][price]"); index++) {
            String price = objects.price(params.get("items[" + index + "][price]")).id();
            quantities.put(price, Long.parseLong(params.getOrDefault("items[" + index + "][quantity]", "1")));
        }
        if (quantities.isEmpty()) {
            throw invalid("Missing required param: items.");
        }
        if (quantities.keySet().stream().map(price -> objects.price(price).interval()).distinct().count() > 1) {
            throw invalid("Currency and interval fields must match across all plans on this subscription.");
        }
        String days = params.get("trial_period_days");
        if (days == null) {
            throw invalid("The emulator starts subscriptions with a trial only (trial_period_days); paid "
                    + "subscriptions start through Checkout.");
        }
        long trialDays = Long.parseLong(days);
        if (trialDays < 1 || trialDays > 730) {
            throw invalid("trial_period_days must be between 1 and 730.");
        }
        Instant trialEnd = now.plus(Duration.ofDays(trialDays));
        String id = objects.newId("sub");
        put(id, customer, "trialing", now, trialEnd, now, trialEnd, quantities);
        JsonObject subscription = objects.subscriptions.get(id);
        subscription.addProperty("created", now.getEpochSecond());
        subscription.addProperty("start_date", now.getEpochSecond());
        subscription.addProperty("billing_cycle_anchor", trialEnd.getEpochSecond());
        subscription.add("metadata", StripeJson.metadata(params));
        subscription.getAsJsonObject("trial_settings").getAsJsonObject("end_behavior").addProperty(
                "missing_payment_method", params.getOrDefault(
                        "trial_settings[end_behavior][missing_payment_method]", "create_invoice"));
        subscription.getAsJsonObject("payment_settings").add("save_default_payment_method",
                StripeJson.nullable(params.get("payment_settings[save_default_payment_method]")));
        JsonObject rendered = objects.render(id);
        events.emit("customer.subscription.created", rendered, now);
        return rendered;
    }

    /**
     * Checkout in subscription mode was paid: the customer (created when the session had none) gets an active
     * subscription whose first period starts now, and its paid invoice. Answers the subscription.
     */
    JsonObject startPaid(String customer, Map<String, Long> quantities, Map<String, String> metadata, Instant now) {
        String id = objects.newId("sub");
        String interval = objects.price(quantities.keySet().iterator().next()).interval();
        Instant end = StripeObjects.plusInterval(now, interval);
        put(id, customer, "active", now, end, null, null, quantities);
        JsonObject subscription = objects.subscriptions.get(id);
        subscription.addProperty("created", now.getEpochSecond());
        subscription.addProperty("start_date", now.getEpochSecond());
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        subscription.add("metadata", meta);
        java.util.List<JsonObject> lines = new java.util.ArrayList<>();
        quantities.forEach((price, quantity) -> lines.add(InvoiceObjects.line(objects, quantity + " × " + price,
                objects.price(price).unitAmount() * quantity, subscription.get("currency").getAsString(), quantity,
                now, end, false)));
        JsonObject invoice = InvoiceObjects.invoice(objects, id, "paid", objects.periodAmount(id), now, now, end, lines);
        subscription.addProperty("latest_invoice", invoice.get("id").getAsString());
        JsonObject rendered = objects.render(id);
        events.emit("customer.subscription.created", rendered, now);
        events.emit("invoice.paid", invoice, now);
        return rendered;
    }

    /** A subscription as Stripe holds it: prices and quantities, period, status and trial. */
    void put(String id, String customer, String status, Instant periodStart, Instant periodEnd, Instant trialStart,
             Instant trialEnd, Map<String, Long> quantitiesByPrice) {
        JsonObject subscription = StripeObjects.fixture("subscription");
        subscription.addProperty("id", id);
        subscription.addProperty("customer", customer);
        subscription.addProperty("status", status);
        subscription.addProperty("cancel_at_period_end", false);
        subscription.add("canceled_at", JsonNull.INSTANCE);
        subscription.add("cancel_at", JsonNull.INSTANCE);
        subscription.add("ended_at", JsonNull.INSTANCE);
        subscription.add("schedule", JsonNull.INSTANCE);
        subscription.add("cancellation_details", StripeObjects.cancellationDetails(null, null));
        String firstPrice = quantitiesByPrice.keySet().iterator().next();
        subscription.addProperty("currency", objects.price(firstPrice).currency());
        StripeJson.setEpoch(subscription, "trial_start", trialStart);
        StripeJson.setEpoch(subscription, "trial_end", trialEnd);
        subscription.addProperty("billing_cycle_anchor", periodStart.getEpochSecond());
        StripeObjects.period(subscription, periodStart, periodEnd);
        List<Item> list = new ArrayList<>();
        quantitiesByPrice.forEach((price, quantity) -> list.add(new Item(objects.newId("si"), price, quantity)));
        objects.items.put(id, list);
        objects.subscriptions.put(id, subscription);
    }
}
