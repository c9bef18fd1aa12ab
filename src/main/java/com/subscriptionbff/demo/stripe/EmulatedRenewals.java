package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonObject;
import com.subscriptionbff.demo.stripe.StripeObjects.Card;
import com.subscriptionbff.demo.stripe.StripeObjects.Item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What happens at a period end, as a test clock shows it: a renewal and its invoice, paid with the default card or
 * failed (the subscription is then past due); a trial's end, paid with the card or, without one, the subscription
 * canceled (trial_settings.end_behavior.missing_payment_method = cancel); a cancellation at the period end taking
 * effect; a scheduled phase beginning.
 */
final class EmulatedRenewals {

    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");

    /** What a period end did to one subscription. */
    record Transition(String subscriptionId, Instant at, String outcome, String invoiceId) {
    }

    private final StripeObjects objects;
    private final EmulatedSchedules schedules;
    private final EmulatedEvents events;

    EmulatedRenewals(StripeObjects objects, EmulatedSchedules schedules, EmulatedEvents events) {
        this.objects = objects;
        this.schedules = schedules;
        this.events = events;
    }

    /** Every period end up to `until`, in the order they fall, each subscription possibly several times. */
    List<Transition> advance(Instant until) {
        List<Transition> done = new ArrayList<>();
        while (true) {
            Optional<Map.Entry<String, JsonObject>> next = objects.subscriptions.entrySet().stream()
                    .filter(entry -> !ENDED.contains(entry.getValue().get("status").getAsString()))
                    .filter(entry -> !StripeObjects.periodEnd(entry.getValue()).isAfter(until))
                    .min(Comparator.comparing(entry -> StripeObjects.periodEnd(entry.getValue())));
            if (next.isEmpty()) {
                return done;
            }
            done.add(periodEnds(next.get().getKey()));
        }
    }

    /** The subscription's current period ends now, whatever the clock says (tests: a renewal nobody heard of). */
    Transition periodEnds(String subscriptionId) {
        JsonObject subscription = objects.subscription(subscriptionId);
        Instant at = StripeObjects.periodEnd(subscription);
        String customer = subscription.get("customer").getAsString();
        boolean trialing = subscription.get("status").getAsString().equals("trialing");
        if (subscription.get("cancel_at_period_end").getAsBoolean()) {
            return end(subscriptionId, subscription, at, "canceled at the period end");
        }
        if (trialing && objects.defaultCard(customer) == null) {
            return end(subscriptionId, subscription, at, "trial ended without a payment method: canceled");
        }
        Instant end = StripeObjects.plusInterval(at, objects.interval(subscriptionId));
        if (!subscription.get("schedule").isJsonNull()) {
            end = schedules.enterPhase(subscription, subscriptionId, at, end, at);
        }
        StripeObjects.period(subscription, at, end);
        if (trialing) {
            subscription.addProperty("status", "active");
        }
        Card card = objects.defaultCard(customer);
        boolean paid = card != null && !card.declines();
        List<JsonObject> lines = new ArrayList<>();
        String currency = subscription.get("currency").getAsString();
        for (Item item : objects.items.get(subscriptionId)) {
            lines.add(InvoiceObjects.line(objects, item.quantity() + " × " + item.priceId(),
                    objects.prices.get(item.priceId()).unitAmount() * item.quantity(), currency, item.quantity(), at,
                    end, false));
        }
        JsonObject invoice = InvoiceObjects.invoice(objects, subscriptionId, paid ? "paid" : "open",
                objects.periodAmount(subscriptionId), at, at, end, lines);
        subscription.addProperty("latest_invoice", invoice.get("id").getAsString());
        subscription.addProperty("status", paid ? "active" : "past_due");
        events.emit("invoice.created", invoice, at);
        events.emit(paid ? "invoice.paid" : "invoice.payment_failed", invoice, at);
        events.emit("customer.subscription.updated", objects.render(subscriptionId), at);
        return new Transition(subscriptionId, at, (trialing ? "trial ended, " : "renewed, ")
                + (paid ? "invoice paid" : "payment failed: past due"), invoice.get("id").getAsString());
    }

    /**
     * A new default card: Stripe charges the customer's open invoices with it, and a past-due subscription whose
     * invoices are all paid is active again.
     */
    void payOpenInvoices(String customer, Instant at) {
        Card card = objects.defaultCard(customer);
        if (card == null || card.declines()) {
            return;
        }
        for (JsonObject invoice : objects.invoicesByCustomer.getOrDefault(customer, List.of())) {
            if (invoice.get("status").getAsString().equals("open")) {
                invoice.addProperty("status", "paid");
                invoice.addProperty("amount_paid", invoice.get("amount_due").getAsLong());
                invoice.addProperty("amount_remaining", 0);
                StripeJson.setEpoch(invoice, "next_payment_attempt", null);
                events.emit("invoice.paid", invoice, at);
            }
        }
        objects.subscriptions.forEach((id, subscription) -> {
            if (subscription.get("customer").getAsString().equals(customer)
                    && subscription.get("status").getAsString().equals("past_due")) {
                subscription.addProperty("status", "active");
                events.emit("customer.subscription.updated", objects.render(id), at);
            }
        });
    }

    private Transition end(String subscriptionId, JsonObject subscription, Instant at, String outcome) {
        if (!subscription.get("schedule").isJsonNull()) {
            schedules.release(subscription.get("schedule").getAsString(), at);
        }
        subscription.addProperty("status", "canceled");
        subscription.addProperty("ended_at", at.getEpochSecond());
        if (subscription.get("canceled_at").isJsonNull()) {
            subscription.addProperty("canceled_at", at.getEpochSecond());
        }
        events.emit("customer.subscription.deleted", objects.render(subscriptionId), at);
        return new Transition(subscriptionId, at, outcome, null);
    }
}
