package com.subscriptionbff.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Stripe for tests, on loopback, that the real stripe-java client talks to. It answers with Stripe's own
 * object shapes (the fixtures of stripe/openapi, current API version) and keeps state for the objects tests create,
 * so that "update then read" behaves: subscriptions and their items, prorations and the invoices they create,
 * subscription schedules, billing portal and Checkout sessions. It honours idempotency keys as Stripe does (same key
 * and parameters: the stored answer again; same key, other parameters: an idempotency_error), records every request
 * it received, and can be told to fail the next matching write: card declined (402), rate limited (429), a 500, or
 * a timeout after the change was applied.
 */
public final class StripeStandIn {

    public enum Fault {
        CARD_DECLINED,
        RATE_LIMITED,
        SERVER_ERROR,
        /** The change is applied and stored, but the answer comes too late for the client. */
        TIMEOUT_AFTER_APPLYING
    }

    /** A request as the stand-in received it: form parameters flattened as Stripe encodes them (items[0][price]). */
    public record Received(String method, String path, Map<String, String> params, String idempotencyKey,
                           boolean replayed) {
    }

    public record Charge(String invoiceId, String subscriptionId, long amountDue) {
    }

    private record Price(String id, long unitAmount, String currency, String interval) {
    }

    private record Item(String id, String priceId, long quantity) {
    }

    private record Card(String id, String customer, String brand, String last4, long expMonth, long expYear) {
    }

    private record Stored(String paramsFingerprint, int status, String body) {
    }

    private record PendingFault(String pathPrefix, Fault fault) {
    }

    private record Answer(int status, String body, long delayMillis, boolean replayed) {
    }

    /** Read timeout the service is configured with in tests; a TIMEOUT answers later than this. */
    public static final Duration CLIENT_READ_TIMEOUT = Duration.ofSeconds(2);

    private static final StripeStandIn SHARED = new StripeStandIn();

    public static StripeStandIn shared() {
        return SHARED;
    }

    private final MockWebServer server = new MockWebServer();
    private final JsonObject fixtures;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Price> prices = new HashMap<>();
    private final Map<String, JsonObject> subscriptions = new HashMap<>();
    private final Map<String, List<Item>> items = new HashMap<>();
    private final Map<String, JsonObject> schedules = new HashMap<>();
    private final Map<String, String> defaultCards = new HashMap<>();
    private final Map<String, Card> cards = new HashMap<>();
    private final Map<String, List<JsonObject>> invoicesByCustomer = new HashMap<>();
    private final Map<String, Stored> idempotent = new HashMap<>();
    private final List<Received> received = new ArrayList<>();
    private final List<Charge> charges = new ArrayList<>();
    private final Deque<PendingFault> faults = new ArrayDeque<>();
    private volatile long slowWritesMillis;

    private StripeStandIn() {
        try (var in = StripeStandIn.class.getResourceAsStream("/stripe/fixtures3.json")) {
            fixtures = JsonParser.parseReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonObject("resources");
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    Answer answer = handle(request);
                    var response = new MockResponse.Builder().code(answer.status())
                            .setHeader("Content-Type", "application/json")
                            .setHeader("Request-Id", "req_" + ids.incrementAndGet())
                            .body(answer.body());
                    if (answer.replayed()) {
                        response.setHeader("Idempotent-Replayed", "true");
                    }
                    if (answer.delayMillis() > 0) {
                        response.headersDelay(answer.delayMillis(), TimeUnit.MILLISECONDS);
                    }
                    return response.build();
                }
            });
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getPort();
    }

    // ---- what tests set up -------------------------------------------------------------------------------------

    /** A price of the catalog; interval "month", "year", or null for a one-off price. */
    public synchronized void price(String id, long unitAmount, String currency, String interval) {
        prices.put(id, new Price(id, unitAmount, currency.toLowerCase(), interval));
    }

    /** A subscription as Stripe holds it: prices and quantities, period, status and trial. */
    public synchronized void subscription(String id, String customer, String status, Instant periodStart,
                                          Instant periodEnd, Instant trialStart, Instant trialEnd,
                                          Map<String, Long> quantitiesByPrice) {
        JsonObject subscription = fixture("subscription");
        subscription.addProperty("id", id);
        subscription.addProperty("customer", customer);
        subscription.addProperty("status", status);
        subscription.addProperty("cancel_at_period_end", false);
        subscription.add("canceled_at", JsonNull.INSTANCE);
        subscription.add("cancel_at", JsonNull.INSTANCE);
        subscription.add("ended_at", JsonNull.INSTANCE);
        subscription.add("schedule", JsonNull.INSTANCE);
        subscription.add("cancellation_details", cancellationDetails(null, null));
        subscription.addProperty("currency", "eur");
        setEpoch(subscription, "trial_start", trialStart);
        setEpoch(subscription, "trial_end", trialEnd);
        subscription.addProperty("billing_cycle_anchor", periodStart.getEpochSecond());
        subscription.addProperty("current_period_start_internal", periodStart.getEpochSecond());
        subscription.addProperty("current_period_end_internal", periodEnd.getEpochSecond());
        List<Item> list = new ArrayList<>();
        quantitiesByPrice.forEach((price, quantity) -> list.add(new Item(newId("si"), price, quantity)));
        items.put(id, list);
        subscriptions.put(id, subscription);
    }

    /** A card attached to the customer and made its default (as the billing portal does). */
    public synchronized void defaultCard(String customer, String paymentMethodId, String brand, String last4,
                                         long expMonth, long expYear) {
        cards.put(paymentMethodId, new Card(paymentMethodId, customer, brand, last4, expMonth, expYear));
        defaultCards.put(customer, paymentMethodId);
    }

    /**
     * Stripe renews the subscription on its own: the period moves on by one interval and a paid invoice is issued.
     * Tests use it for renewals whose events never reached the service.
     */
    public synchronized String renew(String subscriptionId) {
        JsonObject subscription = existingSubscription(subscriptionId);
        Instant start = Instant.ofEpochSecond(subscription.get("current_period_end_internal").getAsLong());
        String interval = prices.get(items.get(subscriptionId).getFirst().priceId()).interval();
        Instant end = interval.equals("year") ? start.atOffset(ZoneOffset.UTC).plusYears(1).toInstant()
                : start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        subscription.addProperty("current_period_start_internal", start.getEpochSecond());
        subscription.addProperty("current_period_end_internal", end.getEpochSecond());
        if (!subscription.get("schedule").isJsonNull()) {
            // the schedule's next phase begins: its items are the subscription's now
            JsonObject schedule = schedules.get(subscription.get("schedule").getAsString());
            for (JsonElement element : schedule.getAsJsonArray("phases")) {
                JsonObject phase = element.getAsJsonObject();
                if (phase.get("start_date").getAsLong() == start.getEpochSecond()) {
                    List<Item> next = new ArrayList<>();
                    for (JsonElement item : phase.getAsJsonArray("items")) {
                        next.add(new Item(newId("si"), item.getAsJsonObject().get("price").getAsString(),
                                item.getAsJsonObject().get("quantity").getAsLong()));
                    }
                    items.put(subscriptionId, next);
                    schedule.add("current_phase", currentPhase(phase));
                    subscription.addProperty("current_period_end_internal", phase.get("end_date").getAsLong());
                }
            }
        }
        long total = items.get(subscriptionId).stream()
                .mapToLong(item -> prices.get(item.priceId()).unitAmount() * item.quantity()).sum();
        JsonObject invoice = fixture("invoice");
        String id = newId("in");
        invoice.addProperty("id", id);
        invoice.addProperty("number", "STANDIN-" + id.substring(id.length() - 4));
        invoice.addProperty("customer", subscription.get("customer").getAsString());
        invoice.addProperty("status", "paid");
        invoice.addProperty("currency", "eur");
        invoice.addProperty("total", total);
        invoice.addProperty("subtotal", total);
        invoice.addProperty("amount_due", total);
        invoice.addProperty("amount_paid", total);
        invoice.addProperty("created", start.getEpochSecond());
        invoice.addProperty("period_start", start.getEpochSecond());
        invoice.addProperty("period_end", end.getEpochSecond());
        invoice.addProperty("invoice_pdf", "https://pay.stripe.com/invoice/" + id + "/pdf");
        invoice.addProperty("hosted_invoice_url", "https://invoice.stripe.com/i/" + id);
        JsonObject details = new JsonObject();
        details.addProperty("subscription", subscriptionId);
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        parent.add("subscription_details", details);
        invoice.add("parent", parent);
        invoicesByCustomer.computeIfAbsent(subscription.get("customer").getAsString(), c -> new ArrayList<>())
                .addFirst(invoice);
        return id;
    }

    /** The next write (POST) whose path starts with `pathPrefix` fails this way. */
    public synchronized void failNext(String pathPrefix, Fault fault) {
        faults.add(new PendingFault(pathPrefix, fault));
    }

    /** Every write answers after this delay, to let two requests overlap. */
    public void answerWritesAfter(Duration delay) {
        slowWritesMillis = delay.toMillis();
    }

    public synchronized void reset() {
        faults.clear();
        slowWritesMillis = 0;
    }

    // ---- what tests assert -------------------------------------------------------------------------------------

    public synchronized List<Received> received(String pathPrefix) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** Writes (POST) to the path that Stripe executed, leaving out replays of a stored answer. */
    public synchronized List<Received> executedWrites(String pathPrefix) {
        return received(pathPrefix).stream().filter(r -> r.method().equals("POST") && !r.replayed()).toList();
    }

    public synchronized List<Charge> charges(String subscriptionId) {
        return charges.stream().filter(c -> c.subscriptionId().equals(subscriptionId)).toList();
    }

    /** The quantity of each price on the subscription as Stripe now holds it. */
    public synchronized Map<String, Long> quantities(String subscriptionId) {
        Map<String, Long> quantities = new TreeMap<>();
        items.get(subscriptionId).forEach(item -> quantities.put(item.priceId(), item.quantity()));
        return quantities;
    }

    public synchronized JsonObject subscriptionJson(String subscriptionId) {
        return render(subscriptionId);
    }

    // ---- the API -----------------------------------------------------------------------------------------------

    private synchronized Answer handle(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        Map<String, String> params = form(method.equals("POST") && request.getBody() != null
                ? request.getBody().utf8() : request.getUrl().encodedQuery());
        String key = request.getHeaders().get("Idempotency-Key");
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer sk_test_")) {
            received.add(new Received(method, path, params, key, false));
            return new Answer(401, error("invalid_request_error", null, "Invalid API Key provided"), 0, false);
        }
        if (method.equals("POST") && key != null) {
            Stored stored = idempotent.get(key);
            if (stored != null) {
                received.add(new Received(method, path, params, key, true));
                if (!stored.paramsFingerprint().equals(path + params)) {
                    return new Answer(400, error("idempotency_error", null, "Keys for idempotent requests can only "
                            + "be used with the same parameters they were first used with."), 0, false);
                }
                return new Answer(stored.status(), stored.body(), 0, true);
            }
        }
        received.add(new Received(method, path, params, key, false));
        Fault fault = method.equals("POST") ? takeFault(path) : null;
        if (fault == Fault.RATE_LIMITED) {
            return new Answer(429, error("invalid_request_error", "rate_limit", "Too many requests."), 0, false);
        }
        if (fault == Fault.SERVER_ERROR) {
            return new Answer(500, error("api_error", null, "An unknown error occurred."), 0, false);
        }
        Answer answer;
        try {
            answer = route(method, path, params, fault == Fault.CARD_DECLINED);
        } catch (RefusedException refused) {
            answer = new Answer(refused.status, refused.body, 0, false);
        }
        if (method.equals("POST") && key != null && answer.status() != 404) {
            idempotent.put(key, new Stored(path + params, answer.status(), answer.body()));
        }
        long delay = fault == Fault.TIMEOUT_AFTER_APPLYING ? CLIENT_READ_TIMEOUT.toMillis() * 2
                : method.equals("POST") ? slowWritesMillis : 0;
        return new Answer(answer.status(), answer.body(), delay, false);
    }

    private Fault takeFault(String path) {
        for (var iterator = faults.iterator(); iterator.hasNext(); ) {
            PendingFault pending = iterator.next();
            if (path.startsWith(pending.pathPrefix())) {
                iterator.remove();
                return pending.fault();
            }
        }
        return null;
    }

    private Answer route(String method, String path, Map<String, String> params, boolean declineCard) {
        String[] parts = path.substring(1).split("/");
        if (method.equals("GET") && parts.length == 3 && parts[1].equals("subscriptions")) {
            existingSubscription(parts[2]);
            return ok(render(parts[2]));
        }
        if (method.equals("GET") && parts.length == 3 && parts[1].equals("subscription_schedules")) {
            return ok(existingSchedule(parts[2]));
        }
        if (method.equals("GET") && parts.length == 3 && parts[1].equals("customers")) {
            JsonObject customer = fixture("customer");
            customer.addProperty("id", parts[2]);
            JsonObject settings = customer.getAsJsonObject("invoice_settings");
            String card = defaultCards.get(parts[2]);
            settings.add("default_payment_method", card == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(card));
            return ok(customer);
        }
        if (method.equals("GET") && parts.length == 3 && parts[1].equals("payment_methods")) {
            return ok(paymentMethod(parts[2]));
        }
        if (method.equals("GET") && path.equals("/v1/invoices")) {
            JsonObject list = new JsonObject();
            list.addProperty("object", "list");
            list.addProperty("url", "/v1/invoices");
            list.addProperty("has_more", false);
            JsonArray data = new JsonArray();
            invoicesByCustomer.getOrDefault(params.get("customer"), List.of()).stream()
                    .limit(Long.parseLong(params.getOrDefault("limit", "10"))).forEach(data::add);
            list.add("data", data);
            return ok(list);
        }
        if (method.equals("POST") && parts.length == 3 && parts[1].equals("subscriptions")) {
            return ok(updateSubscription(parts[2], params, declineCard));
        }
        if (method.equals("POST") && path.equals("/v1/invoices/create_preview")) {
            return ok(preview(params));
        }
        if (method.equals("POST") && path.equals("/v1/subscription_schedules")) {
            return ok(createSchedule(params));
        }
        if (method.equals("POST") && parts.length == 3 && parts[1].equals("subscription_schedules")) {
            return ok(updateSchedule(parts[2], params));
        }
        if (method.equals("POST") && parts.length == 4 && parts[1].equals("subscription_schedules")
                && parts[3].equals("release")) {
            return ok(releaseSchedule(parts[2]));
        }
        if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            return ok(portalSession(params));
        }
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return ok(checkoutSession(params));
        }
        return new Answer(404, error("invalid_request_error", "resource_missing", "Unrecognized request URL ("
                + method + ": " + path + ")."), 0, false);
    }

    // ---- subscriptions and prorations -----------------------------------------------------------------------------

    private record Proration(List<JsonObject> lines, long total, Instant newPeriodStart, Instant newPeriodEnd) {
    }

    private JsonObject updateSubscription(String id, Map<String, String> params, boolean declineCard) {
        JsonObject subscription = existingSubscription(id);
        boolean changesItems = params.keySet().stream().anyMatch(name -> name.startsWith("items["));
        boolean changesCancellation = params.containsKey("cancel_at_period_end");
        if (!subscription.get("schedule").isJsonNull() && (changesItems || changesCancellation)) {
            throw new RefusedException(400, error("invalid_request_error", null, "The subscription is managed by the "
                    + "subscription schedule `" + subscription.get("schedule").getAsString()
                    + "`, and updating its items or cancelation directly is not allowed."));
        }
        if (changesItems) {
            List<Item> next = applyItems(items.get(id), params, "items");
            Instant prorationDate = epoch(params.get("proration_date"), Instant.now());
            String behavior = params.getOrDefault("proration_behavior", "create_prorations");
            Proration proration = prorate(subscription, items.get(id), next, prorationDate,
                    !behavior.equals("none"));
            long amountDue = Math.max(proration.total(), 0);
            if (declineCard && amountDue > 0) {
                throw new RefusedException(402, cardDeclined());
            }
            items.put(id, next);
            subscription.addProperty("current_period_start_internal", proration.newPeriodStart().getEpochSecond());
            subscription.addProperty("current_period_end_internal", proration.newPeriodEnd().getEpochSecond());
            if (behavior.equals("always_invoice") && !proration.lines().isEmpty()) {
                String invoice = newId("in");
                charges.add(new Charge(invoice, id, amountDue));
                subscription.addProperty("latest_invoice", invoice);
            }
        } else if (declineCard) {
            throw new RefusedException(402, cardDeclined());
        }
        if (changesCancellation) {
            boolean cancel = Boolean.parseBoolean(params.get("cancel_at_period_end"));
            subscription.addProperty("cancel_at_period_end", cancel);
            if (cancel) {
                subscription.addProperty("canceled_at", Instant.now().getEpochSecond());
                subscription.addProperty("cancel_at", subscription.get("current_period_end_internal").getAsLong());
            } else {
                subscription.add("canceled_at", JsonNull.INSTANCE);
                subscription.add("cancel_at", JsonNull.INSTANCE);
            }
        }
        if (params.containsKey("cancellation_details[feedback]") || params.containsKey("cancellation_details[comment]")) {
            subscription.add("cancellation_details", cancellationDetails(
                    emptyToNull(params.get("cancellation_details[feedback]")),
                    emptyToNull(params.get("cancellation_details[comment]"))));
        }
        return render(id);
    }

    private JsonObject preview(Map<String, String> params) {
        String id = params.get("subscription");
        JsonObject subscription = existingSubscription(id);
        List<Item> next = applyItems(items.get(id), params, "subscription_details[items]");
        Instant prorationDate = epoch(params.get("subscription_details[proration_date]"), Instant.now());
        Proration proration = prorate(subscription, items.get(id), next, prorationDate, true);
        JsonObject invoice = fixture("invoice");
        invoice.addProperty("id", "upcoming_" + id);
        invoice.addProperty("customer", params.get("customer"));
        invoice.addProperty("status", "draft");
        invoice.addProperty("currency", "eur");
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
    private List<Item> applyItems(List<Item> current, Map<String, String> params, String prefix) {
        List<Item> next = new ArrayList<>(current);
        for (int index = 0; params.containsKey(prefix + "[" + index + "][id]")
                || params.containsKey(prefix + "[" + index + "][price]"); index++) {
            String at = prefix + "[" + index + "]";
            String itemId = params.get(at + "[id]");
            String price = params.get(at + "[price]");
            if (price != null && !prices.containsKey(price)) {
                throw new RefusedException(400, error("invalid_request_error", "resource_missing",
                        "No such price: '" + price + "'"));
            }
            Long quantity = params.containsKey(at + "[quantity]") ? Long.parseLong(params.get(at + "[quantity]")) : null;
            if (itemId == null) {
                next.add(new Item(newId("si"), price, quantity == null ? 1 : quantity));
                continue;
            }
            Item item = next.stream().filter(candidate -> candidate.id().equals(itemId)).findFirst()
                    .orElseThrow(() -> new RefusedException(400, error("invalid_request_error", "resource_missing",
                            "No such subscription item: '" + itemId + "'")));
            next.remove(item);
            if (!Boolean.parseBoolean(params.get(at + "[deleted]"))) {
                next.add(new Item(item.id(), price == null ? item.priceId() : price,
                        quantity == null ? item.quantity() : quantity));
            }
        }
        String interval = null;
        for (Item item : next) {
            String itemInterval = prices.get(item.priceId()).interval();
            if (interval != null && !interval.equals(itemInterval)) {
                throw new RefusedException(400, error("invalid_request_error", null,
                        "Currency and interval fields must match across all plans on this subscription."));
            }
            interval = itemInterval;
        }
        // a subscription keeps the currency it was created in
        String currency = current.isEmpty() ? null : prices.get(current.getFirst().priceId()).currency();
        for (Item item : next) {
            String itemCurrency = prices.get(item.priceId()).currency();
            if (currency != null && !currency.equals(itemCurrency)) {
                throw new RefusedException(400, error("invalid_request_error", null,
                        "The price specified is in " + itemCurrency + ", but this subscription is in " + currency
                                + "."));
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
        Instant start = Instant.ofEpochSecond(subscription.get("current_period_start_internal").getAsLong());
        Instant end = Instant.ofEpochSecond(subscription.get("current_period_end_internal").getAsLong());
        String oldInterval = prices.get(before.getFirst().priceId()).interval();
        String newInterval = prices.get(after.getFirst().priceId()).interval();
        boolean restart = !Objects.equals(oldInterval, newInterval);
        Instant newStart = restart ? at : start;
        Instant newEnd = restart ? (newInterval.equals("year")
                ? at.atOffset(ZoneOffset.UTC).plusYears(1).toInstant()
                : at.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant()) : end;
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
                lines.add(line("Unused time on " + entry.getValue() + " × " + entry.getKey() + " after " + at, amount));
                total += amount;
            }
        }
        for (var entry : next.entrySet()) {
            if (restart) {
                long amount = prices.get(entry.getKey()).unitAmount() * entry.getValue();
                lines.add(line(entry.getValue() + " × " + entry.getKey() + " (from " + at + ")", amount));
                total += amount;
            } else if (!entry.getValue().equals(old.get(entry.getKey()))) {
                long amount = prorated(entry.getKey(), entry.getValue(), remaining);
                lines.add(line("Remaining time on " + entry.getValue() + " × " + entry.getKey() + " after " + at,
                        amount));
                total += amount;
            }
        }
        return new Proration(lines, total, newStart, newEnd);
    }

    private long prorated(String priceId, long quantity, BigDecimal remaining) {
        return BigDecimal.valueOf(prices.get(priceId).unitAmount() * quantity).multiply(remaining)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private JsonObject line(String description, long amount) {
        JsonObject line = fixture("line_item");
        line.addProperty("id", newId("il"));
        line.addProperty("description", description);
        line.addProperty("amount", amount);
        line.addProperty("currency", "eur");
        return line;
    }

    // ---- schedules ------------------------------------------------------------------------------------------------

    private JsonObject createSchedule(Map<String, String> params) {
        String subscriptionId = params.get("from_subscription");
        JsonObject subscription = existingSubscription(subscriptionId);
        if (!subscription.get("schedule").isJsonNull()) {
            throw new RefusedException(400, error("invalid_request_error", null,
                    "You cannot migrate a subscription that is already attached to a schedule."));
        }
        JsonObject schedule = fixture("subscription_schedule");
        String id = newId("sub_sched");
        schedule.addProperty("id", id);
        schedule.addProperty("subscription", subscriptionId);
        schedule.addProperty("customer", subscription.get("customer").getAsString());
        schedule.addProperty("status", "active");
        schedule.addProperty("end_behavior", "release");
        schedule.add("released_subscription", JsonNull.INSTANCE);
        JsonArray phases = new JsonArray();
        phases.add(phase(subscription.get("current_period_start_internal").getAsLong(),
                subscription.get("current_period_end_internal").getAsLong(), items.get(subscriptionId)));
        schedule.add("phases", phases);
        schedule.add("current_phase", currentPhase(phases.get(0).getAsJsonObject()));
        schedules.put(id, schedule);
        subscription.addProperty("schedule", id);
        return schedule;
    }

    private JsonObject updateSchedule(String id, Map<String, String> params) {
        JsonObject schedule = existingSchedule(id);
        JsonArray phases = new JsonArray();
        long previousEnd = 0;
        for (int index = 0; params.containsKey("phases[" + index + "][items][0][price]"); index++) {
            String at = "phases[" + index + "]";
            List<Item> phaseItems = new ArrayList<>();
            for (int item = 0; params.containsKey(at + "[items][" + item + "][price]"); item++) {
                String price = params.get(at + "[items][" + item + "][price]");
                if (!prices.containsKey(price)) {
                    throw new RefusedException(400, error("invalid_request_error", "resource_missing",
                            "No such price: '" + price + "'"));
                }
                phaseItems.add(new Item(null, price,
                        Long.parseLong(params.getOrDefault(at + "[items][" + item + "][quantity]", "1"))));
            }
            long start = params.containsKey(at + "[start_date]") ? Long.parseLong(params.get(at + "[start_date]"))
                    : previousEnd;
            long end;
            if (params.containsKey(at + "[end_date]")) {
                end = Long.parseLong(params.get(at + "[end_date]"));
            } else {
                var from = Instant.ofEpochSecond(start).atOffset(ZoneOffset.UTC);
                end = ("year".equals(params.get(at + "[duration][interval]")) ? from.plusYears(1) : from.plusMonths(1))
                        .toEpochSecond();
            }
            phases.add(phase(start, end, phaseItems));
            previousEnd = end;
        }
        schedule.add("phases", phases);
        schedule.add("current_phase", currentPhase(phases.get(0).getAsJsonObject()));
        if (params.containsKey("end_behavior")) {
            schedule.addProperty("end_behavior", params.get("end_behavior"));
        }
        return schedule;
    }

    private JsonObject releaseSchedule(String id) {
        JsonObject schedule = existingSchedule(id);
        if (!schedule.get("status").getAsString().equals("active")) {
            throw new RefusedException(400, error("invalid_request_error", null,
                    "You cannot release a subscription schedule that is currently in the `"
                            + schedule.get("status").getAsString() + "` status."));
        }
        String subscriptionId = schedule.get("subscription").getAsString();
        schedule.addProperty("status", "released");
        schedule.add("current_phase", JsonNull.INSTANCE);
        schedule.addProperty("released_subscription", subscriptionId);
        schedule.add("subscription", JsonNull.INSTANCE);
        subscriptions.get(subscriptionId).add("schedule", JsonNull.INSTANCE);
        return schedule;
    }

    private static JsonObject currentPhase(JsonObject phase) {
        JsonObject current = new JsonObject();
        current.addProperty("start_date", phase.get("start_date").getAsLong());
        current.addProperty("end_date", phase.get("end_date").getAsLong());
        return current;
    }

    private JsonObject phase(long start, long end, List<Item> phaseItems) {
        JsonObject phase = fixture("subscription_schedule").getAsJsonArray("phases").get(0).getAsJsonObject();
        phase.addProperty("start_date", start);
        phase.addProperty("end_date", end);
        JsonObject itemTemplate = phase.getAsJsonArray("items").get(0).getAsJsonObject();
        JsonArray list = new JsonArray();
        for (Item item : phaseItems) {
            JsonObject copy = itemTemplate.deepCopy();
            copy.addProperty("price", item.priceId());
            copy.addProperty("quantity", item.quantity());
            copy.remove("plan");
            list.add(copy);
        }
        phase.add("items", list);
        return phase;
    }

    // ---- sessions -------------------------------------------------------------------------------------------------

    private JsonObject portalSession(Map<String, String> params) {
        JsonObject session = fixture("billing_portal.session");
        String id = newId("bps");
        session.addProperty("id", id);
        session.addProperty("customer", params.get("customer"));
        session.addProperty("return_url", params.get("return_url"));
        session.addProperty("url", "https://billing.stripe.com/p/session/test_" + id);
        return session;
    }

    private JsonObject checkoutSession(Map<String, String> params) {
        String price = params.get("line_items[0][price]");
        if (price == null || !prices.containsKey(price)) {
            throw new RefusedException(400, error("invalid_request_error", "resource_missing",
                    "No such price: '" + price + "'"));
        }
        long quantity = Long.parseLong(params.getOrDefault("line_items[0][quantity]", "1"));
        JsonObject session = fixture("checkout.session");
        String id = newId("cs_test");
        session.addProperty("id", id);
        session.addProperty("object", "checkout.session");
        session.addProperty("mode", params.get("mode"));
        session.addProperty("customer", params.get("customer"));
        session.addProperty("client_reference_id", params.get("client_reference_id"));
        session.addProperty("status", "open");
        session.addProperty("payment_status", "unpaid");
        session.addProperty("currency", prices.get(price).currency());
        session.addProperty("amount_total", prices.get(price).unitAmount() * quantity);
        session.addProperty("amount_subtotal", prices.get(price).unitAmount() * quantity);
        session.addProperty("success_url", params.get("success_url"));
        session.addProperty("cancel_url", params.get("cancel_url"));
        session.addProperty("url", "https://checkout.stripe.com/c/pay/" + id);
        JsonObject metadata = new JsonObject();
        params.forEach((name, value) -> {
            if (name.startsWith("metadata[")) {
                metadata.addProperty(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        session.add("metadata", metadata);
        return session;
    }

    private JsonObject paymentMethod(String id) {
        Card card = cards.get(id);
        if (card == null) {
            throw new RefusedException(404, error("invalid_request_error", "resource_missing",
                    "No such PaymentMethod: '" + id + "'"));
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

    // ---- rendering ------------------------------------------------------------------------------------------------

    /** The subscription in Stripe's shape: the period lives on each item since the basil API version. */
    private JsonObject render(String id) {
        JsonObject subscription = existingSubscription(id).deepCopy();
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

    private JsonObject renderPrice(Price price) {
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
        return rendered;
    }

    private JsonObject existingSubscription(String id) {
        JsonObject subscription = subscriptions.get(id);
        if (subscription == null) {
            throw new RefusedException(404, error("invalid_request_error", "resource_missing",
                    "No such subscription: '" + id + "'"));
        }
        return subscription;
    }

    private JsonObject existingSchedule(String id) {
        JsonObject schedule = schedules.get(id);
        if (schedule == null) {
            throw new RefusedException(404, error("invalid_request_error", "resource_missing",
                    "No such subscription schedule: '" + id + "'"));
        }
        return schedule;
    }

    private JsonObject fixture(String name) {
        return fixtures.getAsJsonObject(name).deepCopy();
    }

    private static JsonObject cancellationDetails(String feedback, String comment) {
        JsonObject details = new JsonObject();
        details.add("feedback", feedback == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(feedback));
        details.add("comment", comment == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(comment));
        details.add("reason", feedback == null && comment == null ? JsonNull.INSTANCE
                : new com.google.gson.JsonPrimitive("cancellation_requested"));
        return details;
    }

    private static void setEpoch(JsonObject object, String name, Instant value) {
        object.add(name, value == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(value.getEpochSecond()));
    }

    private static Instant epoch(String seconds, Instant otherwise) {
        return seconds == null ? otherwise : Instant.ofEpochSecond(Long.parseLong(seconds));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private String newId(String prefix) {
        return prefix + "_standin" + ids.incrementAndGet();
    }

    private static Answer ok(JsonElement body) {
        return new Answer(200, body.toString(), 0, false);
    }

    private static String cardDeclined() {
        JsonObject error = JsonParser.parseString(error("card_error", "card_declined", "Your card was declined."))
                .getAsJsonObject();
        error.getAsJsonObject("error").addProperty("decline_code", "generic_decline");
        return error.toString();
    }

    private static String error(String type, String code, String message) {
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

    private static Map<String, String> form(String encoded) {
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

    private static final class RefusedException extends RuntimeException {
        final int status;
        final String body;

        RefusedException(int status, String body) {
            super(body, null, false, false);
            this.status = status;
            this.body = body;
        }
    }
}
