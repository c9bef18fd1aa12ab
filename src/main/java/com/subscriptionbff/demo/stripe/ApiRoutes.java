package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Which resource answers a request of Stripe's API, by method and path shape. */
final class ApiRoutes implements ApiRequests.Resources {

    private static final Set<String> COLLECTIONS = Set.of("invoices", "invoices/create_preview", "prices",
            "products", "customers", "subscriptions", "subscription_schedules", "billing_portal/sessions", "checkout/sessions");

    private final StripeObjects objects;
    private final EmulatedSubscriptions subscriptions;
    private final EmulatedNewSubscriptions newSubscriptions;
    private final EmulatedCustomers customers;
    private final EmulatedSchedules schedules;
    private final EmulatedSessions sessions;
    private final EmulatedCatalog catalog;
    private final Supplier<Instant> clock;
    private final List<StripeEmulator.Charge> charges;

    ApiRoutes(StripeObjects objects, EmulatedSubscriptions subscriptions, EmulatedNewSubscriptions newSubscriptions,
              EmulatedCustomers customers, EmulatedSchedules schedules, EmulatedSessions sessions,
              EmulatedCatalog catalog, Supplier<Instant> clock, List<StripeEmulator.Charge> charges) {
        this.objects = objects;
        this.subscriptions = subscriptions;
        this.newSubscriptions = newSubscriptions;
        this.customers = customers;
        this.schedules = schedules;
        this.sessions = sessions;
        this.catalog = catalog;
        this.clock = clock;
        this.charges = charges;
    }

    @Override
    public JsonElement answer(String method, String path, Map<String, String> params, boolean declineCard) {
        String rest = path.startsWith("/v1/") ? path.substring(4) : path;
        String[] parts = rest.split("/");
        String id = parts.length > 1 ? parts[1] : null;
        String shape = COLLECTIONS.contains(rest) ? rest
                : parts[0] + "/{id}" + (parts.length > 2 ? "/" + parts[2] : "");
        Instant now = clock.get();
        return switch (method + " " + shape) {
            case "GET subscriptions/{id}" -> objects.render(id);
            case "GET subscription_schedules/{id}" -> objects.schedule(id);
            case "GET customers/{id}" -> customers.render(id);
            case "POST customers" -> customers.create(params, now);
            case "POST subscriptions" -> newSubscriptions.create(params, now);
            case "GET payment_methods/{id}" -> objects.renderCard(id);
            case "GET invoices" -> list("/v1/invoices", objects.invoicesByCustomer.getOrDefault(params.get("customer"),
                    List.of()).stream().limit(Long.parseLong(params.getOrDefault("limit", "10"))).toList());
            case "GET products/{id}" -> catalog.product(id);
            case "POST products" -> catalog.createProduct(params);
            case "GET prices" -> list("/v1/prices", catalog.pricesByLookupKeys(params));
            case "POST prices" -> catalog.createPrice(params);
            case "POST subscriptions/{id}" -> subscriptions.update(id, params, declineCard, now, charges);
            case "POST invoices/create_preview" -> subscriptions.preview(params, now);
            case "POST subscription_schedules" -> schedules.create(params, now);
            case "POST subscription_schedules/{id}" -> schedules.update(id, params, now);
            case "POST subscription_schedules/{id}/release" -> schedules.release(id, now);
            case "POST billing_portal/sessions" -> sessions.createPortal(params);
            case "POST checkout/sessions" -> sessions.createCheckout(params);
            default -> throw new StripeJson.Refused(404, StripeJson.error("invalid_request_error", "resource_missing",
                    "Unrecognized request URL (" + method + ": " + path + ")."));
        };
    }

    private static JsonObject list(String url, List<JsonObject> items) {
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.addProperty("url", url);
        list.addProperty("has_more", false);
        JsonArray data = new JsonArray();
        items.forEach(data::add);
        list.add("data", data);
        return list;
    }
}
