package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonObject;
import com.subscriptionbff.demo.stripe.StripeObjects.Card;
import com.subscriptionbff.demo.stripe.StripeObjects.Price;

import java.time.Instant;
import java.util.Map;

import static com.subscriptionbff.demo.stripe.StripeJson.invalid;
import static com.subscriptionbff.demo.stripe.StripeJson.missing;

/**
 * Checkout and billing-portal sessions, and what a person does on their pages ({@link EmulatorPages}): pay with a
 * test card, or save a new default card. Stripe's test card numbers behave as in test mode.
 */
final class EmulatedSessions {

    /** A test card number and what it does. */
    enum TestCard {
        VISA("4242424242424242", "visa", "4242", false, false),
        MASTERCARD("5555555555554444", "mastercard", "4444", false, false),
        DECLINED("4000000000000002", "visa", "0002", true, true),
        FAILS_LATER("4000000000000341", "visa", "0341", false, true);

        final String number;
        final String brand;
        final String last4;
        /** Refused when saved or paid with. */
        final boolean declinedNow;
        /** Charges made with it later (renewals, upgrades) are declined. */
        final boolean declinesCharges;

        TestCard(String number, String brand, String last4, boolean declinedNow, boolean declinesCharges) {
            this.number = number;
            this.brand = brand;
            this.last4 = last4;
            this.declinedNow = declinedNow;
            this.declinesCharges = declinesCharges;
        }

        static TestCard of(String number) {
            String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
            for (TestCard card : values()) {
                if (card.number.equals(digits)) {
                    return card;
                }
            }
            return null;
        }
    }

    /** What a Checkout session sells: prices and quantities, and the subscription's metadata in subscription mode. */
    record CheckoutItems(Map<String, Long> items, JsonObject metadata) {
    }

    private final StripeObjects objects;
    private final EmulatedEvents events;
    private final String pagesBase;
    private final java.util.function.BiConsumer<String, Instant> newDefaultCard;
    private final SubscriptionStart subscriptionStart;

    /** Starts the subscription a paid Checkout session (subscription mode) sold; answers the subscription's id. */
    interface SubscriptionStart {
        String start(String customer, Map<String, Long> items, Map<String, String> metadata, Instant now);
    }

    /** `newDefaultCard`: what Stripe does once a customer has a new default card (it retries open invoices). */
    EmulatedSessions(StripeObjects objects, EmulatedEvents events, String pagesBase,
                     java.util.function.BiConsumer<String, Instant> newDefaultCard,
                     SubscriptionStart subscriptionStart) {
        this.subscriptionStart = subscriptionStart;
        this.objects = objects;
        this.events = events;
        this.pagesBase = pagesBase;
        this.newDefaultCard = newDefaultCard;
    }

    JsonObject createPortal(Map<String, String> params) {
        JsonObject session = StripeObjects.fixture("billing_portal.session");
        String id = objects.newId("bps");
        session.addProperty("id", id);
        session.addProperty("customer", params.get("customer"));
        session.addProperty("return_url", params.get("return_url"));
        session.addProperty("url", pagesBase + "/portal/" + id);
        objects.portalSessions.put(id, session);
        return session;
    }

    JsonObject createCheckout(Map<String, String> params) {
        Map<String, Long> items = new java.util.LinkedHashMap<>();
        for (int index = 0; index == 0 || params.containsKey("line_items[" + index + "][price]"); index++) {
            items.put(objects.price(params.get("line_items[" + index + "][price]")).id(),
                    Long.parseLong(params.getOrDefault("line_items[" + index + "][quantity]", "1")));
        }
        Price price = objects.price(items.keySet().iterator().next());
        long amount = items.entrySet().stream()
                .mapToLong(item -> objects.price(item.getKey()).unitAmount() * item.getValue()).sum();
        boolean subscription = "subscription".equals(params.get("mode"));
        if (subscription && items.keySet().stream().anyMatch(id -> objects.price(id).interval() == null)) {
            throw invalid("In subscription mode, every line item needs a recurring price.");
        }
        if (!subscription && items.keySet().stream().anyMatch(id -> objects.price(id).interval() != null)) {
            throw invalid("In payment mode, line items need one-time prices.");
        }
        JsonObject session = StripeObjects.fixture("checkout.session");
        String id = objects.newId("cs_test");
        session.addProperty("id", id);
        session.addProperty("object", "checkout.session");
        session.addProperty("mode", params.get("mode"));
        session.addProperty("customer", params.get("customer"));
        session.addProperty("client_reference_id", params.get("client_reference_id"));
        session.addProperty("status", "open");
        session.addProperty("payment_status", "unpaid");
        session.addProperty("currency", price.currency());
        session.addProperty("amount_total", amount);
        session.addProperty("amount_subtotal", amount);
        session.addProperty("success_url", params.get("success_url"));
        session.addProperty("cancel_url", params.get("cancel_url"));
        session.addProperty("url", pagesBase + "/checkout/" + id);
        JsonObject metadata = new JsonObject();
        params.forEach((name, value) -> {
            if (name.startsWith("metadata[")) {
                metadata.addProperty(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        session.add("metadata", metadata);
        JsonObject subscriptionMetadata = new JsonObject();
        params.forEach((name, value) -> {
            if (name.startsWith("subscription_data[metadata][")) {
                subscriptionMetadata.addProperty(name.substring("subscription_data[metadata][".length(),
                        name.length() - 1), value);
            }
        });
        objects.checkoutSessions.put(id, session);
        objects.checkoutItems.put(id, new CheckoutItems(items, subscriptionMetadata));
        return session;
    }

    JsonObject checkout(String id) {
        JsonObject session = objects.checkoutSessions.get(id);
        if (session == null) {
            throw missing("checkout session", id);
        }
        return session;
    }

    JsonObject portal(String id) {
        JsonObject session = objects.portalSessions.get(id);
        if (session == null) {
            throw missing("billing portal session", id);
        }
        return session;
    }

    /** Pays the session with the card; answers where the browser goes next, or refuses (declined, not open). */
    String pay(String id, String cardNumber, Instant now) {
        JsonObject session = checkout(id);
        if (!session.get("status").getAsString().equals("open")) {
            throw invalid("This Checkout Session is no longer active.");
        }
        TestCard card = TestCard.of(cardNumber);
        if (card == null) {
            throw invalid("Your card number is not a Stripe test card (use 4242 4242 4242 4242).");
        }
        if (card.declinedNow) {
            throw StripeJson.cardDeclined();
        }
        session.addProperty("status", "complete");
        session.addProperty("payment_status", "paid");
        if ("subscription".equals(StripeJson.string(session, "mode"))) {
            CheckoutItems bought = objects.checkoutItems.get(id);
            Map<String, String> metadata = new java.util.LinkedHashMap<>();
            bought.metadata().entrySet().forEach(entry -> metadata.put(entry.getKey(), entry.getValue().getAsString()));
            String customer = StripeJson.string(session, "customer");
            String subscriptionId = subscriptionStart.start(customer, bought.items(), metadata, now);
            session.addProperty("subscription", subscriptionId);
            session.addProperty("customer", objects.subscriptions.get(subscriptionId).get("customer").getAsString());
        } else {
            session.addProperty("payment_intent", objects.newId("pi"));
        }
        events.emit("checkout.session.completed", session, now);
        return session.get("success_url").getAsString().replace("{CHECKOUT_SESSION_ID}", id);
    }

    /** Where the browser goes when the person leaves the Checkout page without paying. */
    String cancelUrl(String id) {
        return checkout(id).get("cancel_url").getAsString();
    }

    /** Saves the card as the customer's default; answers the portal's return URL, or refuses a declined card. */
    String saveCard(String portalId, String cardNumber, long expMonth, long expYear, Instant now) {
        JsonObject session = portal(portalId);
        TestCard card = TestCard.of(cardNumber);
        if (card == null) {
            throw invalid("Your card number is not a Stripe test card (use 4242 4242 4242 4242).");
        }
        if (card.declinedNow) {
            throw StripeJson.cardDeclined();
        }
        String customer = session.get("customer").getAsString();
        String id = objects.newId("pm");
        objects.cards.put(id, new Card(id, customer, card.brand, card.last4, expMonth, expYear, card.declinesCharges));
        objects.defaultCards.put(customer, id);
        events.emit("payment_method.attached", objects.renderCard(id), now);
        events.emit("customer.updated", objects.renderCustomer(customer), now);
        newDefaultCard.accept(customer, now);
        return session.get("return_url").getAsString();
    }
}
