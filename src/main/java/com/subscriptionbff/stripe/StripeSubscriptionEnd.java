package com.subscriptionbff.stripe;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.PlanPrices;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;

/**
 * A subscription that ended (cancelled at its period end, a trial over without a card, unpaid to the end) leaves the
 * workspace on the Free plan: no Stripe subscription, the Free plan's limits (members beyond its seats deactivated,
 * newest first), purchased credits and the billing history kept. Only the subscription the workspace still holds
 * ends it: a late event of an older one changes nothing.
 */
@Component
class StripeSubscriptionEnd {

    enum Outcome {
        /** The workspace is on the Free plan now. */
        MOVED,
        /** The workspace no longer holds that subscription (on Free already, or subscribed again): nothing to do. */
        NOT_HELD,
        /** The catalog has no free plan: the ended subscription is kept as CANCELED. */
        NO_FREE_PLAN
    }

    private final DSLContext db;
    private final PlanPrices plans;
    private final SeatLimit seatLimit;
    private final Clock clock;

    StripeSubscriptionEnd(DSLContext db, PlanPrices plans, SeatLimit seatLimit, Clock clock) {
        this.db = db;
        this.plans = plans;
        this.seatLimit = seatLimit;
        this.clock = clock;
    }

    Outcome toFreePlan(UUID workspaceId, String subscriptionId, Instant endedAt, Instant eventCreated) {
        var free = plans.freePlan().orElse(null);
        if (free == null) {
            return Outcome.NO_FREE_PLAN;
        }
        var s = SUBSCRIPTIONS;
        int moved = db.update(s)
                .set(s.PLAN_ID, free.id())
                .set(s.BILLING_INTERVAL, BillingInterval.MONTH)
                .set(s.STATUS, SubscriptionStatus.ACTIVE)
                .set(s.CURRENT_PERIOD_START, endedAt)
                .set(s.CURRENT_PERIOD_END, endedAt.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant())
                .set(s.CANCEL_AT_PERIOD_END, false)
                .setNull(s.CANCELED_AT).setNull(s.ENDED_AT)
                .setNull(s.CANCELLATION_REASON).setNull(s.CANCELLATION_COMMENT)
                .setNull(s.TRIAL_START).setNull(s.TRIAL_END)
                .set(s.EXTRA_SEATS, 0).set(s.EXTRA_CREDITS, 0L)
                .setNull(s.STRIPE_SUBSCRIPTION_ID)
                .setNull(s.SCHEDULED_PLAN_ID).setNull(s.SCHEDULED_BILLING_INTERVAL).setNull(s.SCHEDULED_CHANGE_AT)
                .setNull(s.STRIPE_SCHEDULE_ID)
                .set(s.STRIPE_EVENT_AT, eventCreated)
                .set(s.VERSION, s.VERSION.plus(1))
                .set(s.UPDATED_AT, clock.instant())
                .where(s.WORKSPACE_ID.eq(workspaceId)).and(s.STRIPE_SUBSCRIPTION_ID.eq(subscriptionId))
                .and(s.STRIPE_EVENT_AT.isNull().or(s.STRIPE_EVENT_AT.le(eventCreated)))
                .execute();
        if (moved == 0) {
            return Outcome.NOT_HELD;
        }
        seatLimit.apply(workspaceId, free.includedSeats(), endedAt);
        return Outcome.MOVED;
    }
}
