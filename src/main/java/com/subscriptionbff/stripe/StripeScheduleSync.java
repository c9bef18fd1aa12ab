package com.subscriptionbff.stripe;

import com.stripe.model.SubscriptionSchedule;
import com.subscriptionbff.plan.PlanPrices;
import com.subscriptionbff.plan.PlanPrices.PriceOf;
import com.subscriptionbff.plan.PlanPrices.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;

/**
 * Writes Stripe's subscription schedule into the read model: the change waiting for the period end (a downgrade), or
 * none. An older schedule event never overwrites what a newer one wrote.
 */
@Component
class StripeScheduleSync {

    private final DSLContext db;
    private final StripeCustomers customers;
    private final PlanPrices prices;

    StripeScheduleSync(DSLContext db, StripeCustomers customers, PlanPrices prices) {
        this.db = db;
        this.customers = customers;
        this.prices = prices;
    }

    /**
     * From a subscription_schedule event: an active schedule with a next phase is the scheduled change; a released,
     * cancelled or completed one leaves none.
     */
    void apply(SubscriptionSchedule schedule, Instant eventCreated) {
        UUID workspaceId = customers.workspaceOf(schedule.getCustomer());
        if ("active".equals(schedule.getStatus()) || "not_started".equals(schedule.getStatus())) {
            applyNext(workspaceId, schedule, eventCreated);
        } else {
            clearScheduledChange(workspaceId, SUBSCRIPTIONS.STRIPE_SCHEDULE_ID.eq(schedule.getId())
                    .and(scheduleNotNewerThan(eventCreated)), true, eventCreated);
        }
    }

    private static Condition scheduleNotNewerThan(Instant eventCreated) {
        return SUBSCRIPTIONS.STRIPE_SCHEDULE_EVENT_AT.isNull().or(SUBSCRIPTIONS.STRIPE_SCHEDULE_EVENT_AT.le(eventCreated));
    }

    /**
     * No change waits for the period end any more (it took effect, or the schedule ended): the page shows none.
     * `forgetSchedule` also drops Stripe's schedule id; `eventCreated`, when given, is the schedule event's time.
     */
    private void clearScheduledChange(UUID workspaceId, Condition when, boolean forgetSchedule, Instant eventCreated) {
        var update = db.update(SUBSCRIPTIONS)
                .setNull(SUBSCRIPTIONS.SCHEDULED_PLAN_ID).setNull(SUBSCRIPTIONS.SCHEDULED_BILLING_INTERVAL)
                .setNull(SUBSCRIPTIONS.SCHEDULED_CHANGE_AT);
        if (forgetSchedule) {
            update = update.setNull(SUBSCRIPTIONS.STRIPE_SCHEDULE_ID);
        }
        if (eventCreated != null) {
            update = update.set(SUBSCRIPTIONS.STRIPE_SCHEDULE_EVENT_AT, eventCreated);
        }
        update.where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId)).and(when).execute();
    }

    /** The phase after the current one is the change waiting for the period end. */
    void applyNext(UUID workspaceId, SubscriptionSchedule schedule, Instant eventCreated) {
        var phases = schedule.getPhases() == null ? List.<SubscriptionSchedule.Phase>of() : schedule.getPhases();
        // the phase after the one running now; none once the last phase has begun
        Long currentEnd = schedule.getCurrentPhase() == null ? null : schedule.getCurrentPhase().getEndDate();
        var next = phases.stream()
                .filter(phase -> currentEnd == null ? phase != phases.getFirst() : phase.getStartDate() >= currentEnd)
                .findFirst().orElse(null);
        if (next == null) {
            clearScheduledChange(workspaceId, scheduleNotNewerThan(eventCreated), false, eventCreated);
            return;
        }
        PriceOf base = next.getItems().stream().flatMap(item -> prices.of(item.getPrice()).stream())
                .filter(price -> price.role() == Role.PLAN)
                .findFirst().orElseThrow(() -> new IllegalStateException("schedule " + schedule.getId() + " has no plan"));
        db.update(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.SCHEDULED_PLAN_ID, base.planId())
                .set(SUBSCRIPTIONS.SCHEDULED_BILLING_INTERVAL, base.interval())
                .set(SUBSCRIPTIONS.SCHEDULED_CHANGE_AT, Instant.ofEpochSecond(next.getStartDate()))
                .set(SUBSCRIPTIONS.STRIPE_SCHEDULE_ID, schedule.getId())
                .set(SUBSCRIPTIONS.STRIPE_SCHEDULE_EVENT_AT, eventCreated)
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .and(scheduleNotNewerThan(eventCreated))
                .execute();
    }

    /** A change scheduled for a period end that has come is no longer pending. */
    void clearTakenEffect(UUID workspaceId) {
        clearScheduledChange(workspaceId, SUBSCRIPTIONS.SCHEDULED_CHANGE_AT.le(SUBSCRIPTIONS.CURRENT_PERIOD_START),
                false, null);
    }
}
