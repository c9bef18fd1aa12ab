package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * POST /v1/customers and GET /v1/customers/{id}: customers created with their name, email and metadata (event
 * customer.created); the demo data's customers, known through their subscriptions, are rendered as the fixture.
 */
final class EmulatedCustomers {

    private final StripeObjects objects;
    private final EmulatedEvents events;
    private final Map<String, JsonObject> created = new HashMap<>();

    EmulatedCustomers(StripeObjects objects, EmulatedEvents events) {
        this.objects = objects;
        this.events = events;
    }

    JsonObject create(Map<String, String> params, Instant now) {
        JsonObject customer = StripeObjects.fixture("customer");
        String id = objects.newId("cus");
        customer.addProperty("id", id);
        customer.addProperty("created", now.getEpochSecond());
        customer.add("name", StripeJson.nullable(params.get("name")));
        customer.add("email", StripeJson.nullable(params.get("email")));
        customer.add("metadata", StripeJson.metadata(params));
        customer.add("discount", JsonNull.INSTANCE);
        created.put(id, customer);
        JsonObject rendered = render(id);
        events.emit("customer.created", rendered, now);
        return rendered;
    }

    /** The customer with its default card as it is now. */
    JsonObject render(String id) {
        JsonObject stored = created.get(id);
        if (stored == null) {
            return objects.renderCustomer(id);
        }
        JsonObject customer = stored.deepCopy();
        customer.getAsJsonObject("invoice_settings").add("default_payment_method",
                StripeJson.nullable(objects.defaultCards.get(id)));
        return customer;
    }

    /** Created here, or one of the demo data's (seeded with their subscriptions). */
    boolean exists(String id) {
        return created.containsKey(id) || objects.subscriptions.values().stream()
                .anyMatch(subscription -> id.equals(StripeJson.string(subscription, "customer")));
    }
}
