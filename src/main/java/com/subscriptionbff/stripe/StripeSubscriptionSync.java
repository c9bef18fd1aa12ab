package com.subscriptionbff.stripe;

import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.SubscriptionSchedule;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.PlanPrices;
import com.subscriptionbff.plan.PlanPrices.PriceOf;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.val;

/**
 * Writes Stripe's subscription into the read model: plan and interval from the base item's price, add-ons from the
 * add-on items' quantities, status, period (on the items since basil), cancellation and trial. An older event never
 * overwrites what a newer one wrote.
 */
@Component
public class StripeSubscriptionSync {

    private final DSLContext db;
    private final Clock clock;
    private final StripeCustomers customers;
    private final PlanPrices prices;
    private final StripeScheduleSync schedules;
    private final SeatLimit seatLimit;
    private final StripeSubscriptionEnd ends;

    StripeSubscriptionSync(DSLContext db, StripeCustomers customers, PlanPrices prices, StripeScheduleSync schedules,
                           SeatLimit seatLimit, StripeSubscriptionEnd ends, Clock clock) {
        this.seatLimit = seatLimit;
        this.ends = ends;
        this.db = db;
        this.clock = clock;
        this.customers = customers;
        this.prices = prices;
        this.schedules = schedules;
    }

    /** From a webhook: a later period than the one we hold is a renewal, which enforces the seat limit. */
    void apply(Subscription subscription, Instant eventCreated) {
        write(subscription, eventCreated, eventCreated, true);
    }

    /**
     * Our own change, as Stripe answered it: never a renewal; the schedule, when given, is the scheduled change. Call
     * it inside the transaction that records the change.
     */
    public void record(StripeSubscriptionState state, Instant at) {
        Instant answered = newerThanTheEventsOfItsSecond(at);
        UUID workspaceId = write(state.subscription, at, answered, false);
        if (state.schedule != null) {
            schedules.applyNext(workspaceId, state.schedule, answered);
        }
    }

    /** The subscription and its schedule as the reconciler read them from Stripe at `readAt`. */
    void applyRead(Subscription subscription, SubscriptionSchedule schedule, Instant readAt) {
        Instant answered = newerThanTheEventsOfItsSecond(readAt);
        write(subscription, readAt, answered, true);
        if (schedule != null) {
            schedules.apply(schedule, answered);
        }
    }

    /**
     * Where Stripe's answer at `at` (to our change, or to the reconciler's read) stands among its events. Stripe
     * dates events in whole seconds, and those our calls caused (a released schedule, then the new items; a new
     * schedule with one phase, then its phases) date from that second at the latest: the answer counts as newer than
     * every event of its second, so one arriving late undoes nothing. Events of a later second apply after it.
     */
    private static Instant newerThanTheEventsOfItsSecond(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).minus(1, ChronoUnit.MICROS);
    }

    /**
     * From checkout.session.completed in subscription mode: the workspace of the session (client_reference_id) gets
     * the customer Checkout used, then the subscription is written as from any event of it.
     */
    void applyCheckout(com.stripe.model.checkout.Session session, Subscription subscription, Instant eventCreated) {
        UUID workspaceId = UUID.fromString(session.getClientReferenceId());
        customers.attach(workspaceId, session.getCustomer());
        write(subscription, eventCreated, eventCreated, true);
    }

    /** From a subscription_schedule event (see {@link StripeScheduleSync#apply}). */
    void applySchedule(SubscriptionSchedule schedule, Instant eventCreated) {
        schedules.apply(schedule, eventCreated);
    }

    /** `eventCreated` dates what the subscription says; `newness` orders it among the events (see {@link #record}). */
    private UUID write(Subscription subscription, Instant eventCreated, Instant newness, boolean mayBeRenewal) {
        UUID workspaceId = customers.workspaceOf(subscription.getCustomer());
        List<SubscriptionItem> items = subscription.getItems().getData();
        PriceOf plan = null;
        BillingInterval interval = BillingInterval.MONTH;
        int extraSeats = 0;
        long extraCredits = 0;
        Instant periodStart = null;
        Instant periodEnd = null;
        for (SubscriptionItem item : items) {
            PriceOf price = prices.of(item.getPrice().getId()).orElse(null);
            if (price == null) {
                continue;
            }
            switch (price.role()) {
                case PLAN -> {
                    plan = price;
                    interval = price.interval();
                    periodStart = Instant.ofEpochSecond(item.getCurrentPeriodStart());
                    periodEnd = Instant.ofEpochSecond(item.getCurrentPeriodEnd());
                }
                case EXTRA_SEATS -> extraSeats = item.getQuantity().intValue();
                case EXTRA_CREDITS -> extraCredits = item.getQuantity() * 1_000_000L;
            }
        }
        if (plan == null) {
            throw new IllegalStateException("subscription " + subscription.getId() + " has no price of the catalog");
        }
        SubscriptionStatus status = status(subscription.getStatus());
        boolean cancelAtPeriodEnd = Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd());
        Instant canceledAt = epoch(subscription.getCanceledAt());
        if ((cancelAtPeriodEnd || status == SubscriptionStatus.CANCELED) && canceledAt == null) {
            canceledAt = eventCreated;
        }
        Instant endedAt = epoch(subscription.getEndedAt());
        if (status == SubscriptionStatus.CANCELED && endedAt == null) {
            endedAt = eventCreated;
        }
        var details = subscription.getCancellationDetails();
        String comment = details == null || details.getComment() == null || details.getComment().isEmpty()
                ? null : details.getComment();
        CancellationReason reason = details == null || details.getFeedback() == null || details.getFeedback().isEmpty()
                ? (comment != null ? CancellationReason.OTHER : null)
                : StripeCancellationReasons.reasonOf(details.getFeedback());
        if (status == SubscriptionStatus.CANCELED && mayBeRenewal) {
            switch (ends.toFreePlan(workspaceId, subscription.getId(), endedAt, eventCreated)) {
                case MOVED, NOT_HELD -> {
                    return workspaceId;
                }
                case NO_FREE_PLAN -> {
                    // a catalog without a free plan: the ended subscription stays, CANCELED
                }
            }
        }
        if (!cancelAtPeriodEnd && status != SubscriptionStatus.CANCELED) {
            reason = null; // reactivated: the cancellation is cleared
            comment = null;
            canceledAt = null;
        }
        var previous = db.select(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID, SUBSCRIPTIONS.CURRENT_PERIOD_END)
                .from(SUBSCRIPTIONS).where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId)).fetchOne();
        var row = db.newRecord(SUBSCRIPTIONS);
        row.setPlanId(plan.planId());
        row.setBillingInterval(interval);
        row.setStatus(status);
        row.setCurrentPeriodStart(periodStart);
        row.setCurrentPeriodEnd(periodEnd);
        row.setCancelAtPeriodEnd(cancelAtPeriodEnd);
        row.setCanceledAt(canceledAt);
        row.setEndedAt(endedAt);
        row.setCancellationReason(reason);
        row.setCancellationComment(comment);
        row.setTrialStart(epoch(subscription.getTrialStart()));
        row.setTrialEnd(epoch(subscription.getTrialEnd()));
        row.setExtraSeats(extraSeats);
        row.setExtraCredits(extraCredits);
        row.setStripeSubscriptionId(subscription.getId());
        row.setStripeEventAt(newness);
        boolean paymentFailing = status == SubscriptionStatus.PAST_DUE || status == SubscriptionStatus.UNPAID;
        row.setPaymentFailingSince(paymentFailing ? eventCreated : null);
        row.setUpdatedAt(clock.instant());
        if (subscription.getSchedule() == null) {
            // no schedule in Stripe: no change waits for the period end
            row.setScheduledPlanId(null);
            row.setScheduledBillingInterval(null);
            row.setScheduledChangeAt(null);
            row.setStripeScheduleId(null);
        } else {
            row.setStripeScheduleId(subscription.getSchedule());
        }
        var changed = new java.util.LinkedHashMap<Field<?>, Object>();
        for (var field : row.fields()) {
            if (row.changed(field)) {
                changed.put(field, row.get(field));
            }
        }
        // failing since the first event that said so
        changed.put(SUBSCRIPTIONS.PAYMENT_FAILING_SINCE, paymentFailing
                ? coalesce(SUBSCRIPTIONS.PAYMENT_FAILING_SINCE, val(eventCreated)) : null);
        row.setId(UUID.randomUUID());
        row.setWorkspaceId(workspaceId);
        int written = db.insertInto(SUBSCRIPTIONS).set(row)
                .onConflict(SUBSCRIPTIONS.WORKSPACE_ID)
                .doUpdate().set(changed).set(SUBSCRIPTIONS.VERSION, SUBSCRIPTIONS.VERSION.plus(1))
                // events arrive out of order: an older one never overwrites what a newer one wrote
                .where(SUBSCRIPTIONS.STRIPE_EVENT_AT.isNull().or(SUBSCRIPTIONS.STRIPE_EVENT_AT.le(newness)))
                .execute();
        schedules.clearTakenEffect(workspaceId);
        boolean renewed = mayBeRenewal && written > 0 && previous != null
                && subscription.getId().equals(previous.value1())
                // a renewal starts where the last period ended; a switch of interval restarts mid-period
                && !periodStart.isBefore(previous.value2()) && status != SubscriptionStatus.CANCELED;
        if (renewed) {
            seatLimit.apply(workspaceId, plan.includedSeats() + extraSeats, eventCreated);
        }
        return workspaceId;
    }

    private static SubscriptionStatus status(String stripe) {
        return switch (stripe) {
            case "trialing" -> SubscriptionStatus.TRIALING;
            case "active" -> SubscriptionStatus.ACTIVE;
            case "past_due" -> SubscriptionStatus.PAST_DUE;
            case "canceled", "incomplete_expired" -> SubscriptionStatus.CANCELED;
            case "incomplete" -> SubscriptionStatus.INCOMPLETE;
            // a paused subscription (trial over without a payment method) asks for payment like an unpaid one
            case "unpaid", "paused" -> SubscriptionStatus.UNPAID;
            default -> throw new IllegalStateException("unknown subscription status " + stripe);
        };
    }

    private static Instant epoch(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
