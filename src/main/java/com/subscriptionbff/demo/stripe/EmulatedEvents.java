package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.stripe.Stripe;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events Stripe sends after each change, delivered as Stripe delivers them: one at a time in the order they
 * happened, POSTed to the webhook endpoint and signed with its secret (Stripe-Signature, t= real time), retried a
 * few times when the endpoint does not answer 2xx. Delivery is off until an endpoint is given.
 */
final class EmulatedEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmulatedEvents.class);
    private static final int ATTEMPTS = 5;

    /** An event as it was emitted: its type and the id of its object. */
    record Emitted(String id, String type, String objectId) {
    }

    private final String webhookSecret;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final List<Emitted> emitted = new ArrayList<>();
    /** The newest events' payloads, for a redelivery. */
    private final java.util.Map<String, String> payloads = new java.util.LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
            return size() > 500;
        }
    };
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("stripe-emulator-events").daemon(true).factory());
    private volatile URI endpoint;

    EmulatedEvents(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    /** Where events go from now on (the service's /stripe/webhooks); null: kept, not delivered. */
    void deliverTo(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Records the event, then delivers it in the background; `object` is copied as it is now. */
    synchronized void emit(String type, JsonObject object, Instant created) {
        String id = "evt_emu" + ids.incrementAndGet();
        JsonObject event = new JsonObject();
        event.addProperty("id", id);
        event.addProperty("object", "event");
        event.addProperty("api_version", Stripe.API_VERSION);
        event.addProperty("created", created.getEpochSecond());
        JsonObject data = new JsonObject();
        data.add("object", object.deepCopy());
        event.add("data", data);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        JsonObject request = new JsonObject();
        request.add("id", JsonNull.INSTANCE);
        request.add("idempotency_key", JsonNull.INSTANCE);
        event.add("request", request);
        event.addProperty("type", type);
        emitted.add(new Emitted(id, type, StripeJson.string(object, "id")));
        payloads.put(id, event.toString());
        send(id, type);
    }

    /** Delivers the newest event of that type once more, as Stripe does when it did not hear back in time. */
    synchronized void redeliverLast(String type) {
        emitted.reversed().stream().filter(event -> event.type().equals(type)).findFirst()
                .filter(event -> payloads.containsKey(event.id())).ifPresent(event -> send(event.id(), type));
    }

    private void send(String id, String type) {
        URI target = endpoint;
        if (target != null) {
            String payload = payloads.get(id);
            pending.incrementAndGet();
            delivery.execute(() -> {
                try {
                    deliver(target, id, type, payload);
                } finally {
                    pending.decrementAndGet();
                }
            });
        }
    }

    synchronized List<Emitted> emitted() {
        return List.copyOf(emitted);
    }

    /** Waits until every event emitted so far has been delivered (or given up on); false after `timeout`. */
    boolean awaitDelivered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void deliver(URI target, String id, String type, String payload) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long timestamp = Instant.now().getEpochSecond();
            String signature = new HmacUtils(HmacAlgorithms.HMAC_SHA_256, webhookSecret)
                    .hmacHex(timestamp + "." + payload);
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
                log.warn("Stripe emulator: {} ({}) answered {} (attempt {})", id, type, status, attempt);
            } catch (java.io.IOException e) {
                log.warn("Stripe emulator: {} ({}) not delivered: {} (attempt {})", id, type, e.toString(), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        delivery.shutdownNow();
        http.close();
    }
}
