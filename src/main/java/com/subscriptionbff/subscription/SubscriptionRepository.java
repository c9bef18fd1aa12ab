package com.subscriptionbff.subscription;

import com.subscriptionbff.plan.PlanRepository;
import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.subscription.Subscription.Cancellation;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;

@Repository
class SubscriptionRepository {

    private final DSLContext db;

    SubscriptionRepository(DSLContext db) {
        this.db = db;
    }

    /** The current subscriptions of many workspaces with their plans: one statement whatever their number. */
    Map<UUID, Subscription> findByWorkspaceIds(Collection<UUID> workspaceIds, Instant now) {
        var s = SUBSCRIPTIONS;
        return db.select(s.ID, s.WORKSPACE_ID, PlanRepository.PLAN, s.STATUS, s.BILLING_INTERVAL,
                        s.CURRENT_PERIOD_START, s.CURRENT_PERIOD_END, s.CANCEL_AT_PERIOD_END, s.ENDED_AT,
                        s.CANCELLATION_REASON, s.CANCELLATION_COMMENT, s.CANCELED_AT, s.TRIAL_START, s.TRIAL_END,
                        s.EXTRA_SEATS, s.EXTRA_CREDITS)
                .from(s)
                .join(PLANS).on(PLANS.ID.eq(s.PLAN_ID))
                .where(s.WORKSPACE_ID.in(workspaceIds))
                .fetch(r -> Subscription.of(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        new BillingPeriod(r.value6(), r.value7()),
                        r.value8(), r.value9(),
                        r.value10() == null ? null : new Cancellation(r.value10(), r.value11(), r.value12()),
                        r.value13(), r.value14(), r.value15(), r.value16(), now))
                .stream()
                .collect(Collectors.toMap(Subscription::workspaceId, Function.identity()));
    }
}
