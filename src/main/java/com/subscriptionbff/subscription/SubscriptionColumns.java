package com.subscriptionbff.subscription;

import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.tables.Plans;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.plan.PlanRepository;
import com.subscriptionbff.subscription.Subscription.Cancellation;
import com.subscriptionbff.subscription.Subscription.ScheduledPlanChange;
import com.subscriptionbff.db.enums.InvoiceStatus;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.INVOICES;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

/**
 * A subscription with its plan and scheduled plan as columns that other queries select beside their own, as {@link
 * PlanRepository#planColumns} does for plans: the query joins SUBSCRIPTIONS, PLANS on its plan and {@link
 * #SCHEDULED_PLAN} on its scheduled plan; {@link #subscription} reads a row back.
 */
public final class SubscriptionColumns {

    /** The plan a downgrade waits to switch to. */
    public static final Plans SCHEDULED_PLAN = PLANS.as("scheduled_plan");

    /** Stripe's next try of the workspace's open invoices, the soonest. */
    private static final Field<Instant> NEXT_RETRY = when(SUBSCRIPTIONS.PAYMENT_FAILING_SINCE.isNotNull(),
            field(select(min(INVOICES.NEXT_PAYMENT_ATTEMPT)).from(INVOICES)
                    .where(INVOICES.WORKSPACE_ID.eq(SUBSCRIPTIONS.WORKSPACE_ID))
                    .and(INVOICES.STATUS.eq(InvoiceStatus.OPEN)))).as("next_payment_retry");

    /** How long Stripe retries a failed payment before the subscription ends (the account's retry settings). */
    private static final Duration RETRY_WINDOW = Duration.ofDays(14);

    private static final List<SelectField<?>> COLUMNS = columns(SUBSCRIPTIONS);

    private SubscriptionColumns() {
    }

    public static List<SelectField<?>> columns() {
        return COLUMNS;
    }

    private static List<SelectField<?>> columns(com.subscriptionbff.db.tables.Subscriptions s) {
        List<SelectField<?>> columns = new ArrayList<>(List.of(s.ID, s.WORKSPACE_ID, s.STATUS, s.BILLING_INTERVAL,
                s.CURRENT_PERIOD_START, s.CURRENT_PERIOD_END, s.CANCEL_AT_PERIOD_END, s.ENDED_AT,
                s.CANCELLATION_REASON, s.CANCELLATION_COMMENT, s.CANCELED_AT, s.TRIAL_START, s.TRIAL_END,
                s.EXTRA_SEATS, s.EXTRA_CREDITS, s.SCHEDULED_BILLING_INTERVAL, s.SCHEDULED_CHANGE_AT,
                s.PAYMENT_FAILING_SINCE, NEXT_RETRY));
        columns.addAll(PlanRepository.planColumns(PLANS));
        columns.addAll(PlanRepository.planColumns(SCHEDULED_PLAN));
        return List.copyOf(columns);
    }

    /** The subscription of a row that selected {@link #columns}; null if a left join found none. */
    public static Subscription subscription(Record r, Instant now) {
        var s = SUBSCRIPTIONS;
        UUID id = r.get(s.ID);
        if (id == null) {
            return null;
        }
        CancellationReason reason = r.get(s.CANCELLATION_REASON);
        Plan scheduledPlan = PlanRepository.plan(r, SCHEDULED_PLAN);
        return Subscription.of(id, r.get(s.WORKSPACE_ID), PlanRepository.plan(r, PLANS), r.get(s.STATUS),
                r.get(s.BILLING_INTERVAL), new BillingPeriod(r.get(s.CURRENT_PERIOD_START), r.get(s.CURRENT_PERIOD_END)),
                r.get(s.CANCEL_AT_PERIOD_END), r.get(s.ENDED_AT),
                reason == null ? null : new Cancellation(reason, r.get(s.CANCELLATION_COMMENT), r.get(s.CANCELED_AT)),
                r.get(s.TRIAL_START), r.get(s.TRIAL_END), r.get(s.EXTRA_SEATS), r.get(s.EXTRA_CREDITS),
                scheduledPlan == null ? null : new ScheduledPlanChange(scheduledPlan,
                        r.get(s.SCHEDULED_BILLING_INTERVAL), r.get(s.SCHEDULED_CHANGE_AT)),
                now).withDunning(r.get(s.PAYMENT_FAILING_SINCE), r.get(NEXT_RETRY), RETRY_WINDOW);
    }
}
