package com.subscriptionbff.subscription;

import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.plan.PlanRepository;
import com.subscriptionbff.db.tables.Plans;
import com.subscriptionbff.subscription.Subscription.Cancellation;
import com.subscriptionbff.subscription.Subscription.ScheduledPlanChange;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

@Repository
class SubscriptionRepository {

    private static final Plans SCHEDULED_PLAN = PLANS.as("scheduled_plan");

    private static final List<SelectField<?>> COLUMNS = columns();

    private final DSLContext db;

    SubscriptionRepository(DSLContext db) {
        this.db = db;
    }

    private static List<SelectField<?>> columns() {
        var s = SUBSCRIPTIONS;
        List<SelectField<?>> columns = new ArrayList<>(List.of(s.ID, s.WORKSPACE_ID, s.STATUS, s.BILLING_INTERVAL,
                s.CURRENT_PERIOD_START, s.CURRENT_PERIOD_END, s.CANCEL_AT_PERIOD_END, s.ENDED_AT,
                s.CANCELLATION_REASON, s.CANCELLATION_COMMENT, s.CANCELED_AT, s.TRIAL_START, s.TRIAL_END,
                s.EXTRA_SEATS, s.EXTRA_CREDITS, s.SCHEDULED_BILLING_INTERVAL, s.SCHEDULED_CHANGE_AT));
        columns.addAll(PlanRepository.planColumns(PLANS));
        columns.addAll(PlanRepository.planColumns(SCHEDULED_PLAN));
        return List.copyOf(columns);
    }

    /** The current subscriptions of many workspaces with their plans: one statement whatever their number. */
    Map<UUID, Subscription> findByWorkspaceIds(Collection<UUID> workspaceIds, Instant now) {
        return ofWorkspaces(workspaceIds, now).stream()
                .collect(Collectors.toMap(Subscription::workspaceId, Function.identity()));
    }

    Optional<Subscription> findByWorkspaceId(UUID workspaceId, Instant now) {
        return ofWorkspaces(List.of(workspaceId), now).stream().findFirst();
    }

    private List<Subscription> ofWorkspaces(Collection<UUID> workspaceIds, Instant now) {
        var s = SUBSCRIPTIONS;
        return db.select(COLUMNS)
                .from(s)
                .join(PLANS).on(PLANS.ID.eq(s.PLAN_ID))
                .leftJoin(SCHEDULED_PLAN).on(SCHEDULED_PLAN.ID.eq(s.SCHEDULED_PLAN_ID))
                .where(s.WORKSPACE_ID.in(workspaceIds))
                .fetch(r -> {
            CancellationReason reason = r.get(s.CANCELLATION_REASON);
            Plan scheduledPlan = PlanRepository.plan(r, SCHEDULED_PLAN);
            return Subscription.of(r.get(s.ID), r.get(s.WORKSPACE_ID), PlanRepository.plan(r, PLANS), r.get(s.STATUS),
                    r.get(s.BILLING_INTERVAL),
                    new BillingPeriod(r.get(s.CURRENT_PERIOD_START), r.get(s.CURRENT_PERIOD_END)),
                    r.get(s.CANCEL_AT_PERIOD_END), r.get(s.ENDED_AT),
                    reason == null
                            ? null
                            : new Cancellation(reason, r.get(s.CANCELLATION_COMMENT), r.get(s.CANCELED_AT)),
                    r.get(s.TRIAL_START), r.get(s.TRIAL_END), r.get(s.EXTRA_SEATS), r.get(s.EXTRA_CREDITS),
                    scheduledPlan == null ? null : new ScheduledPlanChange(scheduledPlan,
                            r.get(s.SCHEDULED_BILLING_INTERVAL), r.get(s.SCHEDULED_CHANGE_AT)),
                    now);
        });
    }

    /** What a change needs besides the card: Stripe's ids and the seats in use. */
    record ChangeTarget(Subscription current, String stripeSubscriptionId, String stripeCustomerId,
                        String stripeScheduleId, int activeMembers) {
    }

    Optional<ChangeTarget> findChangeTarget(UUID workspaceId, Instant now) {
        return findByWorkspaceId(workspaceId, now).map(current -> db
                .select(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID, WORKSPACES.STRIPE_CUSTOMER_ID,
                        SUBSCRIPTIONS.STRIPE_SCHEDULE_ID,
                        field(selectCount().from(MEMBERS).where(MEMBERS.WORKSPACE_ID.eq(workspaceId))
                                .and(MEMBERS.DEACTIVATED_AT.isNull())))
                .from(SUBSCRIPTIONS).join(WORKSPACES).on(WORKSPACES.ID.eq(SUBSCRIPTIONS.WORKSPACE_ID))
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .fetchOne(r -> new ChangeTarget(current, r.value1(), r.value2(), r.value3(), r.value4())));
    }

    /**
     * Marks the subscription as being changed under `key`. False when another change (another key) is in flight and
     * younger than `lease`: the caller reports a conflict. The same key passes, so a retry is never its own conflict.
     */
    boolean startChange(UUID workspaceId, String key, Instant now, Duration lease) {
        return db.update(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.CHANGE_KEY, key)
                .set(SUBSCRIPTIONS.CHANGE_STARTED_AT, now)
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .and(SUBSCRIPTIONS.CHANGE_KEY.isNull().or(SUBSCRIPTIONS.CHANGE_KEY.eq(key))
                        .or(SUBSCRIPTIONS.CHANGE_STARTED_AT.lt(now.minus(lease))))
                .execute() == 1;
    }

    void finishChange(UUID workspaceId, String key) {
        db.update(SUBSCRIPTIONS)
                .setNull(SUBSCRIPTIONS.CHANGE_KEY)
                .setNull(SUBSCRIPTIONS.CHANGE_STARTED_AT)
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId)).and(SUBSCRIPTIONS.CHANGE_KEY.eq(key))
                .execute();
    }
}
