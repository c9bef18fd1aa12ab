package com.subscriptionbff.stripe;

import com.stripe.model.Event;
import com.stripe.model.Subscription;
import com.stripe.net.ApiResource;
import com.subscriptionbff.db.enums.StripeEventStatus;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.STRIPE_EVENTS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.WORKSPACES;

/**
 * Brings PostgreSQL back in line with Stripe for what never arrived: re-applies the stored events that failed, and
 * re-reads from Stripe the subscriptions whose period ended without a renewal event. Scheduled on one instance at a
 * time (a ShedLock row in PostgreSQL), and runnable on demand for one workspace.
 */
@Component
public class StripeReconciler {

    private static final Logger log = LoggerFactory.getLogger(StripeReconciler.class);
    /** Stripe retries failed deliveries itself; the reconciler takes over events left failing this long. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    /** A renewal's events normally arrive within minutes of the period end. */
    static final Duration OVERDUE_AFTER = Duration.ofMinutes(30);
    static final int BATCH = 100;
    static final int MAX_ATTEMPTS = 20;
    static final long INVOICES_READ = 24;

    private final DSLContext db;
    private final StripeGateway gateway;
    private final StripeEventHandler events;
    private final StripeSubscriptionSync subscriptions;
    private final StripeInvoiceSync invoices;
    private final StripePaymentMethodSync paymentMethods;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    StripeReconciler(DSLContext db, StripeGateway gateway, StripeEventHandler events,
                     StripeSubscriptionSync subscriptions, StripeInvoiceSync invoices,
                     StripePaymentMethodSync paymentMethods, TransactionTemplate transactions, MeterRegistry meters,
                     Clock clock) {
        this.db = db;
        this.gateway = gateway;
        this.events = events;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.paymentMethods = paymentMethods;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** The scheduled pass: on one instance per schedule, whatever the number of instances. */
    @Scheduled(fixedDelayString = "${bff.stripe.reconcile.every:PT15M}",
            initialDelayString = "${bff.stripe.reconcile.every:PT15M}")
    @SchedulerLock(name = "stripe-reconciler", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void reconcileDue() {
        meters.counter("bff.stripe.reconciler.runs").increment();
        Instant now = clock.instant();
        int retried = 0;
        for (var stored : db.select(STRIPE_EVENTS.ID, STRIPE_EVENTS.PAYLOAD).from(STRIPE_EVENTS)
                .where(STRIPE_EVENTS.STATUS.ne(StripeEventStatus.PROCESSED))
                // an event failing this often needs a person (see stripe_events.last_error), not another pass
                .and(STRIPE_EVENTS.ATTEMPTS.lt(MAX_ATTEMPTS))
                .and(STRIPE_EVENTS.RECEIVED_AT.lt(now.minus(RETRY_AFTER)))
                .orderBy(STRIPE_EVENTS.CREATED).limit(BATCH).fetch()) {
            try {
                // stored only after its signature was verified
                events.process(ApiResource.GSON.fromJson(stored.value2().data(), Event.class));
                retried++;
            } catch (RuntimeException e) {
                // left FAILED with its error; the next pass tries again
            }
        }
        int repaired = 0;
        if (!gateway.configured()) {
            // demo mode, or Stripe not set up yet: there is nothing to re-read from
            log.info("Stripe reconciler: {} stored events applied; no Stripe key, no subscription re-read", retried);
            return;
        }
        for (UUID workspaceId : db.select(SUBSCRIPTIONS.WORKSPACE_ID).from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.isNotNull())
                .and(SUBSCRIPTIONS.STATUS.ne(SubscriptionStatus.CANCELED))
                .and(SUBSCRIPTIONS.CURRENT_PERIOD_END.lt(now.minus(OVERDUE_AFTER)))
                // least recently written first: one that stays overdue (paused) does not starve the others
                .orderBy(SUBSCRIPTIONS.UPDATED_AT).limit(BATCH).fetch(SUBSCRIPTIONS.WORKSPACE_ID)) {
            try {
                reconcile(workspaceId);
                repaired++;
            } catch (RuntimeException e) {
                log.warn("reconciling workspace {} with Stripe failed: {}", workspaceId, e.toString());
            }
        }
        log.info("Stripe reconciler: {} stored events applied, {} overdue subscriptions re-read", retried, repaired);
    }

    /**
     * Re-reads the workspace's subscription (and its schedule), newest invoices and default card from Stripe and
     * writes them as of now, in one transaction. A later period than the one held is a renewal, with its seat rule.
     */
    public void reconcile(UUID workspaceId) {
        var ids = db.select(WORKSPACES.STRIPE_CUSTOMER_ID, SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID)
                .from(WORKSPACES).leftJoin(SUBSCRIPTIONS).on(SUBSCRIPTIONS.WORKSPACE_ID.eq(WORKSPACES.ID))
                .where(WORKSPACES.ID.eq(workspaceId)).fetchOne();
        if (ids == null || ids.value1() == null) {
            throw new StripeRefusal(com.subscriptionbff.common.UserError.Code.NOT_ELIGIBLE,
                    "this workspace has no billing account in Stripe");
        }
        String customerId = ids.value1();
        // before the reads: an event Stripe dates later than this second is newer and still applies
        Instant readAt = clock.instant();
        Subscription subscription = ids.value2() == null ? null : gateway.subscription(ids.value2()).subscription;
        var schedule = subscription == null || subscription.getSchedule() == null ? null
                : gateway.schedule(subscription.getSchedule());
        var recentInvoices = gateway.recentInvoices(customerId, INVOICES_READ);
        var customer = gateway.customer(customerId);
        String defaultCard = customer.getInvoiceSettings() == null ? null
                : customer.getInvoiceSettings().getDefaultPaymentMethod();
        var card = defaultCard == null ? null : gateway.paymentMethod(defaultCard);
        Instant now = readAt;
        transactions.executeWithoutResult(status -> {
            if (subscription != null) {
                subscriptions.applyRead(subscription, schedule, now);
            }
            recentInvoices.forEach(invoice -> invoices.apply(invoice, now));
            if (card != null) {
                paymentMethods.attached(card, now);
            }
        });
    }
}
