package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import static com.subscriptionbff.demo.stripe.StripeJson.missing;

/**
 * What the emulated Stripe account holds, and its objects rendered in Stripe's shapes (the fixtures of stripe/openapi,
 * MIT licensed, with the fields each object needs filled in). Guarded by the {@link StripeEmulator}'s lock.
 */
final class StripeObjects {

    record Price(String id, long unitAmount, String currency, String interval, String product, String lookupKey) {
    }

    record Item(String id, String priceId, long quantity) {
    }

    /** A saved card; `declines`: it attaches, but the charges made with it later are declined (Stripe's 0341). */
    record Card(String id, String customer, String brand, String last4, long expMonth, long expYear,
                boolean declines) {
    }

    private static final JsonObject FIXTURES = load();

    final Map<String, Price> prices = new HashMap<>();
    /** Subscriptions as rendered, but with their period kept in current_period_*_internal (not on the items). */
    final Map<String, JsonObject> subscriptions = new HashMap<>();
    final Map<String, List<Item>> items = new HashMap<>();
    final Map<String, JsonObject> schedules = new HashMap<>();
    final Map<String, String> defaultCards = new HashMap<>();
    final Map<String, Card> cards = new HashMap<>();
    final Map<String, List<JsonObject>> invoicesByCustomer = new HashMap<>();
    final Map<String, JsonObject> checkoutSessions = new HashMap<>();
    final Map<String, JsonObject> portalSessions = new HashMap<>();
    final Map<String, EmulatedSessions.CheckoutItems> checkoutItems = new HashMap<>();
    final Map<String, JsonObject> products = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    private static JsonObject load() {
        try (var in = StripeObjects.class.getResourceAsStream("/stripe-emulator/fixtures.json")) {
            return JsonParser.parseReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonObject("resources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject fixture(String name) {
        return FIXTURES.getAsJsonObject(name).deepCopy();
    }

    String newId(String prefix) {
        return prefix + "_emu" + ids.incrementAndGet();
    }

    JsonObject subscription(String id) {
        JsonObject subscription = subscriptions.get(id);
        if (subscription == null) {
            throw missing("subscription", id);
        }
        return subscription;
    }

    JsonObject schedule(String id) {
        JsonObject schedule = schedules.get(id);
        if (schedule == null) {
            throw missing("subscription schedule", id);
        }
        return schedule;
    }

    Price price(String id) {
        Price price = id == null ? null : prices.get(id);
        if (price == null) {
            throw missing("price", id);
        }
        return price;
    }

    Card defaultCard(String customer) {
        String id = defaultCards.get(customer);
        return id == null ? null : cards.get(id);
    }

    static Instant periodStart(JsonObject subscription) {
        return Instant.ofEpochSecond(subscription.get("current_period_start_internal").getAsLong());
    }

    static Instant periodEnd(JsonObject subscription) {
        return Instant.ofEpochSecond(subscription.get("current_period_end_internal").getAsLong());
    }

    static void period(JsonObject subscription, Instant start, Instant end) {
        subscription.addProperty("current_period_start_internal", start.getEpochSecond());
        subscription.addProperty("current_period_end_internal", end.getEpochSecond());
    }

    static Instant plusInterval(Instant from, String interval) {
        var at = from.atOffset(ZoneOffset.UTC);
        return ("year".equals(interval) ? at.plusYears(1) : at.plusMonths(1)).toInstant();
    }

    String interval(String subscriptionId) {
        return prices.get(items.get(subscriptionId).getFirst().priceId()).interval();
    }

    long periodAmount(String subscriptionId) {
        return items.get(subscriptionId).stream()
                .mapToLong(item -> prices.get(item.priceId()).unitAmount() * item.quantity()).sum();
    }

    /** The subscription in Stripe's shape: the period lives on each item since the basil API version. */
    JsonObject render(String id) {
        JsonObject subscription = subscription(id).deepCopy();
        long start = subscription.remove("current_period_start_internal").getAsLong();
        long end = subscription.remove("current_period_end_internal").getAsLong();
        JsonObject list = subscription.getAsJsonObject("items");
        JsonArray data = new JsonArray();
        for (Item item : items.get(id)) {
            JsonObject rendered = fixture("subscription_item");
            rendered.addProperty("id", item.id());
            rendered.addProperty("subscription", id);
            rendered.addProperty("quantity", item.quantity());
            rendered.addProperty("current_period_start", start);
            rendered.addProperty("current_period_end", end);
            rendered.remove("plan");
            rendered.add("price", renderPrice(prices.get(item.priceId())));
            data.add(rendered);
        }
        list.add("data", data);
        list.addProperty("has_more", false);
        list.addProperty("url", "/v1/subscription_items?subscription=" + id);
        return subscription;
    }

    JsonObject renderPrice(Price price) {
        JsonObject rendered = fixture("price");
        rendered.addProperty("id", price.id());
        rendered.addProperty("currency", price.currency());
        rendered.addProperty("unit_amount", price.unitAmount());
        rendered.addProperty("unit_amount_decimal", Long.toString(price.unitAmount()));
        if (price.interval() == null) {
            rendered.addProperty("type", "one_time");
            rendered.add("recurring", JsonNull.INSTANCE);
        } else {
            rendered.addProperty("type", "recurring");
            JsonObject recurring = new JsonObject();
            recurring.addProperty("interval", price.interval());
            recurring.addProperty("interval_count", 1);
            recurring.addProperty("usage_type", "licensed");
            rendered.add("recurring", recurring);
        }
        rendered.add("transform_quantity", JsonNull.INSTANCE);
        rendered.add("lookup_key", StripeJson.nullable(price.lookupKey()));
        if (price.product() != null) {
            rendered.addProperty("product", price.product());
        }
        return rendered;
    }

    JsonObject renderCustomer(String id) {
        JsonObject customer = fixture("customer");
        customer.addProperty("id", id);
        customer.getAsJsonObject("invoice_settings").add("default_payment_method",
                StripeJson.nullable(defaultCards.get(id)));
        return customer;
    }

    JsonObject renderCard(String id) {
        Card card = cards.get(id);
        if (card == null) {
            throw missing("PaymentMethod", id);
        }
        JsonObject method = fixture("payment_method");
        method.addProperty("id", id);
        method.addProperty("type", "card");
        method.addProperty("customer", card.customer());
        JsonObject details = method.getAsJsonObject("card");
        details.addProperty("brand", card.brand());
        details.addProperty("last4", card.last4());
        details.addProperty("exp_month", card.expMonth());
        details.addProperty("exp_year", card.expYear());
        return method;
    }

    static JsonObject cancellationDetails(String feedback, String comment) {
        JsonObject details = new JsonObject();
        details.add("feedback", StripeJson.nullable(feedback));
        details.add("comment", StripeJson.nullable(comment));
        details.add("reason", StripeJson.nullable(feedback == null && comment == null ? null
                : "cancellation_requested"));
        return details;
    }
}
