package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stripe's wire format as the emulator speaks it: form-encoded parameters in, JSON objects and errors out. */
final class StripeJson {

    private StripeJson() {
    }

    /** A refusal as Stripe answers it: an HTTP status and an error body. */
    static final class Refused extends RuntimeException {
        final int status;
        final String body;

        Refused(int status, String body) {
            super(body, null, false, false);
            this.status = status;
            this.body = body;
        }
    }

    static Refused invalid(String message) {
        return new Refused(400, error("invalid_request_error", null, message));
    }

    static Refused missing(String what, String id) {
        return new Refused(404, error("invalid_request_error", "resource_missing",
                "No such " + what + ": '" + id + "'"));
    }

    static Refused cardDeclined() {
        JsonObject body = new JsonObject();
        JsonObject error = new JsonObject();
        error.addProperty("type", "card_error");
        error.addProperty("code", "card_declined");
        error.addProperty("decline_code", "generic_decline");
        error.addProperty("message", "Your card was declined.");
        body.add("error", error);
        return new Refused(402, body.toString());
    }

    static String error(String type, String code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        if (code != null) {
            error.addProperty("code", code);
        }
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body.toString();
    }

    /** Form parameters flattened as Stripe encodes them (items[0][price]), in their order. */
    static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    static JsonElement nullable(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    static void setEpoch(JsonObject object, String name, Instant value) {
        object.add(name, value == null ? JsonNull.INSTANCE : new JsonPrimitive(value.getEpochSecond()));
    }

    static Instant epoch(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? null : Instant.ofEpochSecond(value.getAsLong());
    }

    static Instant epoch(String seconds, Instant otherwise) {
        return seconds == null ? otherwise : Instant.ofEpochSecond(Long.parseLong(seconds));
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The metadata[key] parameters as Stripe's metadata object. */
    static JsonObject metadata(Map<String, String> params) {
        JsonObject metadata = new JsonObject();
        params.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.addProperty(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        return metadata;
    }

    static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
