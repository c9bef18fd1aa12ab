package com.subscriptionbff.subscription;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectCount;

@Repository
class SubscriptionRepository {

    private final DSLContext db;

    SubscriptionRepository(DSLContext db) {
        this.db = db;
    }

    /** The current subscription of a workspace with its plans. */
    Optional<Subscription> findByWorkspaceId(UUID workspaceId, Instant now) {
        return db.select(SubscriptionColumns.columns())
                .from(SUBSCRIPTIONS)
                .join(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .leftJoin(SubscriptionColumns.SCHEDULED_PLAN)
                .on(SubscriptionColumns.SCHEDULED_PLAN.ID.eq(SUBSCRIPTIONS.SCHEDULED_PLAN_ID))
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .fetchOptional(r -> SubscriptionColumns.subscription(r, now));
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
