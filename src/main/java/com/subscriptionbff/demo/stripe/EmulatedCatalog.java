package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonObject;
import com.subscriptionbff.demo.stripe.StripeObjects.Price;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.subscriptionbff.demo.stripe.StripeJson.invalid;
import static com.subscriptionbff.demo.stripe.StripeJson.missing;

/** Products and prices: created with the ids and lookup keys asked for, found again by lookup key. */
final class EmulatedCatalog {

    private final StripeObjects objects;

    EmulatedCatalog(StripeObjects objects) {
        this.objects = objects;
    }

    JsonObject product(String id) {
        JsonObject product = objects.products.get(id);
        if (product == null) {
            throw missing("product", id);
        }
        return product;
    }

    JsonObject createProduct(Map<String, String> params) {
        String id = params.containsKey("id") ? params.get("id") : objects.newId("prod");
        if (objects.products.containsKey(id)) {
            throw invalid("Product already exists.");
        }
        JsonObject product = new JsonObject();
        product.addProperty("id", id);
        product.addProperty("object", "product");
        product.addProperty("active", true);
        product.addProperty("name", params.get("name"));
        product.addProperty("livemode", false);
        objects.products.put(id, product);
        return product;
    }

    /** GET /v1/prices?lookup_keys[0]=…: the prices holding those keys. */
    List<JsonObject> pricesByLookupKeys(Map<String, String> params) {
        List<JsonObject> found = new ArrayList<>();
        for (int index = 0; params.containsKey("lookup_keys[" + index + "]"); index++) {
            String key = params.get("lookup_keys[" + index + "]");
            objects.prices.values().stream().filter(price -> key.equals(price.lookupKey()))
                    .forEach(price -> found.add(objects.renderPrice(price)));
        }
        return found;
    }

    JsonObject createPrice(Map<String, String> params) {
        String product = product(params.get("product")).get("id").getAsString();
        String key = params.get("lookup_key");
        if (key != null) {
            List<Price> holders = objects.prices.values().stream().filter(p -> key.equals(p.lookupKey())).toList();
            if (!holders.isEmpty() && !Boolean.parseBoolean(params.get("transfer_lookup_key"))) {
                throw invalid("A price (`" + holders.getFirst().id() + "`) already uses that lookup key.");
            }
            holders.forEach(old -> objects.prices.put(old.id(), new Price(old.id(), old.unitAmount(),
                    old.currency(), old.interval(), old.product(), null)));
        }
        Price price = new Price(objects.newId("price"), Long.parseLong(params.get("unit_amount")),
                params.get("currency").toLowerCase(Locale.ROOT), params.get("recurring[interval]"), product, key);
        objects.prices.put(price.id(), price);
        return objects.renderPrice(price);
    }
}
