package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.subscriptionbff.demo.stripe.StripeObjects.Item;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.subscriptionbff.demo.stripe.StripeJson.emptyToNull;
import static com.subscriptionbff.demo.stripe.StripeJson.epoch;
import static com.subscriptionbff.demo.stripe.StripeJson.invalid;
import static com.subscriptionbff.demo.stripe.StripeJson.missing;

/**
 * POST /v1/subscriptions/{id} and POST /v1/invoices/create_preview: item changes with Stripe's prorations (by the
 * second), an immediate invoice when asked (always_invoice), cancellation at the period end and its undoing.
 */
final class EmulatedSubscriptions {

    private record Proration(List<JsonObject> lines, long total, Instant newPeriodStart, Instant newPeriodEnd) {
    }

    private final StripeObjects objects;
    private final EmulatedEvents events;

    EmulatedSubscriptions(StripeObjects objects, EmulatedEvents events) {
        this.objects = objects;
        this.events = events;
    }

    /** The update; `declineCard`: the payment it would take is declined (a test's fault or the customer's card). */
    JsonObject update(String id, Map<String, String> params, boolean declineCard, Instant now,
                      List<StripeEmulator.Charge> charges) {
        JsonObject subscription = objects.subscription(id);
        boolean changesItems = params.keySet().stream().anyMatch(name -> name.startsWith("items["));
        boolean changesCancellation = params.containsKey("cancel_at_period_end");
        if (!subscription.get("schedule").isJsonNull() && (changesItems || changesCancellation)) {
            throw invalid("The subscription is managed by the subscription schedule `"
                    + subscription.get("schedule").getAsString()
                    + "`, and updating its items or cancelation directly is not allowed.");
        }
        JsonObject invoice = null;
        if (changesItems) {
            List<Item> next = applyItems(objects.items.get(id), params, "items");
            Instant prorationDate = epoch(params.get("proration_date"), now);
            String behavior = params.getOrDefault("proration_behavior", "create_prorations");
            Proration proration = prorate(subscription, objects.items.get(id), next, prorationDate,
                    !behavior.equals("none"));
            long amountDue = Math.max(proration.total(), 0);
            StripeObjects.Card card = objects.defaultCard(subscription.get("customer").getAsString());
            boolean cardDeclines = behavior.equals("always_invoice") && card != null && card.declines();
            if (amountDue > 0 && (declineCard || cardDeclines)) {
                throw StripeJson.cardDeclined();
            }
            objects.items.put(id, next);
            StripeObjects.period(subscription, proration.newPeriodStart(), proration.newPeriodEnd());
            if (behavior.equals("always_invoice") && !proration.lines().isEmpty()) {
                invoice = InvoiceObjects.invoice(objects, id, "paid", proration.total(), now, proration.newPeriodStart(),
                        proration.newPeriodEnd(), proration.lines());
                charges.add(new StripeEmulator.Charge(invoice.get("id").getAsString(), id, amountDue));
                subscription.addProperty("latest_invoice", invoice.get("id").getAsString());
            }
        } else if (declineCard) {
            throw StripeJson.cardDeclined();
        }
        if (changesCancellation) {
            boolean cancel = Boolean.parseBoolean(params.get("cancel_at_period_end"));
            subscription.addProperty("cancel_at_period_end", cancel);
            if (cancel) {
                subscription.addProperty("canceled_at", now.getEpochSecond());
                subscription.addProperty("cancel_at", subscription.get("current_period_end_internal").getAsLong());
            } else {
                subscription.add("canceled_at", JsonNull.INSTANCE);
                subscription.add("cancel_at", JsonNull.INSTANCE);
            }
        }
        if (params.containsKey("cancellation_details[feedback]") || params.containsKey("cancellation_details[comment]")) {
            subscription.add("cancellation_details", StripeObjects.cancellationDetails(
                    emptyToNull(params.get("cancellation_details[feedback]")),
                    emptyToNull(params.get("cancellation_details[comment]"))));
        }
        JsonObject rendered = objects.render(id);
        events.emit("customer.subscription.updated", rendered, now);
        if (invoice != null) {
            events.emit("invoice.paid", invoice, now);
        }
        return rendered;
    }

    JsonObject preview(Map<String, String> params, Instant now) {
        String id = params.get("subscription");
        JsonObject subscription = objects.subscription(id);
        List<Item> next = applyItems(objects.items.get(id), params, "subscription_details[items]");
        Instant prorationDate = epoch(params.get("subscription_details[proration_date]"), now);
        Proration proration = prorate(subscription, objects.items.get(id), next, prorationDate, true);
        JsonObject invoice = StripeObjects.fixture("invoice");
        invoice.addProperty("id", "upcoming_" + id);
        invoice.addProperty("customer", params.get("customer"));
        invoice.addProperty("status", "draft");
        invoice.addProperty("currency", subscription.get("currency").getAsString());
        invoice.addProperty("subtotal", proration.total());
        invoice.addProperty("total", proration.total());
        invoice.addProperty("amount_due", Math.max(proration.total(), 0));
        JsonObject lines = invoice.getAsJsonObject("lines");
        JsonArray data = new JsonArray();
        proration.lines().forEach(data::add);
        lines.add("data", data);
        lines.addProperty("has_more", false);
        return invoice;
    }

    /** Applies Stripe's item parameters (id, price, quantity, deleted) to the current items. */
    List<Item> applyItems(List<Item> current, Map<String, String> params, String prefix) {
        List<Item> next = new ArrayList<>(current);
        for (int index = 0; params.containsKey(prefix + "[" + index + "][id]")
                || params.containsKey(prefix + "[" + index + "][price]"); index++) {
            String at = prefix + "[" + index + "]";
            String itemId = params.get(at + "[id]");
            String price = params.get(at + "[price]");
            if (price != null) {
                objects.price(price);
            }
            Long quantity = params.containsKey(at + "[quantity]") ? Long.parseLong(params.get(at + "[quantity]")) : null;
            if (itemId == null) {
                next.add(new Item(objects.newId("si"), price, quantity == null ? 1 : quantity));
                continue;
            }
            Item item = next.stream().filter(candidate -> candidate.id().equals(itemId)).findFirst()
                    .orElseThrow(() -> missing("subscription item", itemId));
            next.remove(item);
            if (!Boolean.parseBoolean(params.get(at + "[deleted]"))) {
                next.add(new Item(item.id(), price == null ? item.priceId() : price,
                        quantity == null ? item.quantity() : quantity));
            }
        }
        String interval = null;
        for (Item item : next) {
            String itemInterval = objects.prices.get(item.priceId()).interval();
            if (interval != null && !interval.equals(itemInterval)) {
                throw invalid("Currency and interval fields must match across all plans on this subscription.");
            }
            interval = itemInterval;
        }
        // a subscription keeps the currency it was created in
        String currency = current.isEmpty() ? null : objects.prices.get(current.getFirst().priceId()).currency();
        for (Item item : next) {
            String itemCurrency = objects.prices.get(item.priceId()).currency();
            if (currency != null && !currency.equals(itemCurrency)) {
                throw invalid("The price specified is in " + itemCurrency + ", but this subscription is in "
                        + currency + ".");
            }
        }
        return next;
    }

    /**
     * Stripe's prorations, by the second: unused time of the old items is credited and the remaining time of the new
     * ones charged; when the interval changes, the period restarts at the proration date and the new items are charged
     * for a whole period. A trialing subscription is not charged.
     */
    private Proration prorate(JsonObject subscription, List<Item> before, List<Item> after, Instant at,
                              boolean prorate) {
        Instant start = StripeObjects.periodStart(subscription);
        Instant end = StripeObjects.periodEnd(subscription);
        String currency = subscription.get("currency").getAsString();
        String oldInterval = objects.prices.get(before.getFirst().priceId()).interval();
        String newInterval = objects.prices.get(after.getFirst().priceId()).interval();
        boolean restart = !Objects.equals(oldInterval, newInterval);
        Instant newStart = restart ? at : start;
        Instant newEnd = restart ? StripeObjects.plusInterval(at, newInterval) : end;
        List<JsonObject> lines = new ArrayList<>();
        if (!prorate || subscription.get("status").getAsString().equals("trialing")) {
            return new Proration(lines, 0, newStart, newEnd);
        }
        BigDecimal remaining = BigDecimal.valueOf(Duration.between(at, end).toSeconds())
                .divide(BigDecimal.valueOf(Duration.between(start, end).toSeconds()), 12, RoundingMode.HALF_EVEN);
        Map<String, Long> old = new LinkedHashMap<>();
        before.forEach(item -> old.put(item.priceId(), item.quantity()));
        Map<String, Long> next = new LinkedHashMap<>();
        after.forEach(item -> next.put(item.priceId(), item.quantity()));
        long total = 0;
        for (var entry : old.entrySet()) {
            if (restart || !entry.getValue().equals(next.get(entry.getKey()))) {
                long amount = -prorated(entry.getKey(), entry.getValue(), remaining);
                lines.add(InvoiceObjects.line(objects, "Unused time on " + entry.getValue() + " × " + entry.getKey() + " after " + at,
                        amount, currency, entry.getValue(), at, end, true));
                total += amount;
            }
        }
        for (var entry : next.entrySet()) {
            if (restart) {
                long amount = objects.prices.get(entry.getKey()).unitAmount() * entry.getValue();
                lines.add(InvoiceObjects.line(objects, entry.getValue() + " × " + entry.getKey() + " (from " + at + ")", amount,
                        currency, entry.getValue(), newStart, newEnd, false));
                total += amount;
            } else if (!entry.getValue().equals(old.get(entry.getKey()))) {
                long amount = prorated(entry.getKey(), entry.getValue(), remaining);
                lines.add(InvoiceObjects.line(objects, "Remaining time on " + entry.getValue() + " × " + entry.getKey() + " after "
                        + at, amount, currency, entry.getValue(), at, end, true));
                total += amount;
            }
        }
        return new Proration(lines, total, newStart, newEnd);
    }

    private long prorated(String priceId, long quantity, BigDecimal remaining) {
        return BigDecimal.valueOf(objects.prices.get(priceId).unitAmount() * quantity).multiply(remaining)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
