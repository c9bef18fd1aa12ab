package com.subscriptionbff.demo.stripe;

import com.google.gson.JsonObject;
import com.subscriptionbff.demo.stripe.StripeObjects.Card;
import com.subscriptionbff.demo.stripe.StripeObjects.Price;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local Stripe, stateful, that the real stripe-java client talks to over HTTP ({@link EmulatorServer}): demo mode
 * runs it when no STRIPE_SECRET_KEY is set, and the tests run against it. It answers with Stripe's own object shapes,
 * honours idempotency keys as Stripe does (same key and parameters: the stored answer again; other parameters: an
 * idempotency_error), sends the events Stripe would send to the webhook endpoint ({@link EmulatedEvents}), serves
 * Checkout and portal pages, and moves through period ends like a test clock ({@link #advanceTo}). Tests may also
 * make the next matching write fail, and read what it received.
 */
public final class StripeEmulator implements AutoCloseable {

    public enum Fault {
        CARD_DECLINED,
        RATE_LIMITED,
        SERVER_ERROR,
        /** The change is applied and stored, but the answer comes after {@link #TIMEOUT_DELAY}. */
        TIMEOUT_AFTER_APPLYING
    }

    /** How late a TIMEOUT_AFTER_APPLYING answer comes. */
    public static final Duration TIMEOUT_DELAY = Duration.ofSeconds(4);

    /** A request as received: form parameters flattened as Stripe encodes them (items[0][price]). */
    public record Received(String method, String path, Map<String, String> params, String idempotencyKey,
                           boolean replayed) {
    }

    /** A payment taken at once (an upgrade's prorated invoice). */
    public record Charge(String invoiceId, String subscriptionId, long amountDue) {
    }

    /** What a period end did to a subscription (see {@link #advanceTo}). */
    public record PeriodEnd(String subscriptionId, Instant at, String outcome, String invoiceId) {
    }

    private final Clock clock;
    private final String base;
    private final StripeObjects objects = new StripeObjects();
    private final EmulatedEvents events;
    private final ApiRoutes routes;
    private final EmulatedSchedules schedules;
    private final EmulatedRenewals renewals;
    private final EmulatedSessions sessions;
    private final EmulatedNewSubscriptions newSubscriptions;
    private final ApiRequests requests = new ApiRequests();
    private final List<Charge> charges = new ArrayList<>();

    StripeEmulator(Clock clock, String webhookSecret, String pagesBase) {
        this.clock = clock;
        this.base = pagesBase;
        this.events = new EmulatedEvents(webhookSecret);
        this.schedules = new EmulatedSchedules(objects, events);
        this.renewals = new EmulatedRenewals(objects, schedules, events);
        EmulatedCustomers customers = new EmulatedCustomers(objects, events);
        this.newSubscriptions = new EmulatedNewSubscriptions(objects, customers, events);
        this.sessions = new EmulatedSessions(objects, events, pagesBase, renewals::payOpenInvoices,
                (customer, items, metadata, now) -> newSubscriptions.startPaid(customer != null ? customer
                        : customers.create(Map.of(), now).get("id").getAsString(), items, metadata, now)
                        .get("id").getAsString());
        this.routes = new ApiRoutes(objects, new EmulatedSubscriptions(objects, events), newSubscriptions, customers,
                schedules, sessions, new EmulatedCatalog(objects), this::now, charges);
    }

    /** http://127.0.0.1:port: the API base for stripe-java, and the origin of the Checkout and portal pages. */
    public String apiBase() {
        return base;
    }

    Instant now() {
        return clock.instant();
    }

    /** What the Checkout and portal pages do, under the emulator's lock, at its time. */
    synchronized <T> T onPages(java.util.function.BiFunction<EmulatedSessions, Instant, T> action) {
        return action.apply(sessions, now());
    }

    @Override
    public void close() {
        events.close();
    }

    // ---- the account's objects ---------------------------------------------------------------------------------

    /** A price of the catalog (unless the account has it already); interval "month", "year", or null for one-off. */
    public synchronized void price(String id, long unitAmount, String currency, String interval) {
        objects.prices.putIfAbsent(id, new Price(id, unitAmount, currency.toLowerCase(Locale.ROOT), interval, null,
                null));
    }

    /** A subscription as Stripe holds it: prices and quantities, period, status and trial. */
    public synchronized void subscription(String id, String customer, String status, Instant periodStart,
                                          Instant periodEnd, Instant trialStart, Instant trialEnd,
                                          Map<String, Long> quantitiesByPrice) {
        newSubscriptions.put(id, customer, status, periodStart, periodEnd, trialStart, trialEnd, quantitiesByPrice);
    }

    /** A card attached to the customer and made its default (as the billing portal does). */
    public synchronized void defaultCard(String customer, String paymentMethodId, String brand, String last4,
                                         long expMonth, long expYear) {
        objects.cards.put(paymentMethodId, new Card(paymentMethodId, customer, brand, last4, expMonth, expYear,
                false));
        objects.defaultCards.put(customer, paymentMethodId);
    }

    /** An open invoice of the subscription, as the read model holds it (demo data): a new card pays it. */
    public synchronized void openInvoice(String subscriptionId, String invoiceId, long total, Instant created,
                                         Instant periodStart, Instant periodEnd) {
        JsonObject invoice = InvoiceObjects.invoice(objects, subscriptionId, "open", total, created, periodStart, periodEnd,
                List.of());
        invoice.addProperty("id", invoiceId);
    }

    // ---- time --------------------------------------------------------------------------------------------------

    /**
     * Every period end up to `until`, in order, as Stripe's test clocks advance: renewals and their invoices, trials
     * ending, cancellations taking effect, scheduled changes beginning, each with its events.
     */
    public synchronized List<PeriodEnd> advanceTo(Instant until) {
        return renewals.advance(until).stream()
                .map(t -> new PeriodEnd(t.subscriptionId(), t.at(), t.outcome(), t.invoiceId())).toList();
    }

    /** When the subscription's current period (or trial) ends. */
    public synchronized Instant periodEnd(String subscriptionId) {
        return StripeObjects.periodEnd(objects.subscription(subscriptionId));
    }

    /** Stripe renews the subscription on its own, now; answers the renewal invoice's id. */
    public synchronized String renew(String subscriptionId) {
        return renewals.periodEnds(subscriptionId).invoiceId();
    }

    // ---- events ------------------------------------------------------------------------------------------------

    /** Sends the events from now on to the service's webhook endpoint. */
    public void deliverEventsTo(URI webhookEndpoint) {
        events.deliverTo(webhookEndpoint);
    }

    /** Delivers the newest event of that type again (a duplicate, or a late one after newer changes). */
    public void redeliverLast(String type) {
        events.redeliverLast(type);
    }

    /** Waits until the events sent so far have been delivered; false if that takes longer than `timeout`. */
    public boolean awaitEventsDelivered(Duration timeout) throws InterruptedException {
        return events.awaitDelivered(timeout);
    }

    // ---- what tests set up and read ----------------------------------------------------------------------------

    /** The next write (POST) whose path starts with `pathPrefix` fails this way. */
    public synchronized void failNext(String pathPrefix, Fault fault) {
        requests.failNext(pathPrefix, fault);
    }

    /** Every write answers after this delay, to let two requests overlap. */
    public void answerWritesAfter(Duration delay) {
        requests.slowWritesMillis = delay.toMillis();
    }

    public synchronized void reset() {
        requests.faults.clear();
        requests.slowWritesMillis = 0;
    }

    public synchronized List<Received> received(String pathPrefix) {
        return requests.received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
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
        objects.items.get(subscriptionId).forEach(item -> quantities.put(item.priceId(), item.quantity()));
        return quantities;
    }

    /** The ids of the customer's subscriptions, whatever their status. */
    public synchronized List<String> subscriptionsOf(String customerId) {
        return objects.subscriptions.entrySet().stream()
                .filter(entry -> customerId.equals(StripeJson.string(entry.getValue(), "customer")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    public synchronized JsonObject subscriptionJson(String subscriptionId) {
        return objects.render(subscriptionId);
    }

    // ---- the API -----------------------------------------------------------------------------------------------

    synchronized ApiRequests.Answer handle(String method, String path, Map<String, String> params,
                                           String idempotencyKey, String authorization) {
        return requests.handle(method, path, params, idempotencyKey, authorization, routes);
    }
}
