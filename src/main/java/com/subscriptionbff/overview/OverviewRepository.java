package com.subscriptionbff.overview;

import com.subscriptionbff.credits.CreditColumns;
import com.subscriptionbff.credits.CreditColumns.MonthKey;
import com.subscriptionbff.payment.PaymentMethodColumns;
import com.subscriptionbff.seats.SeatColumns;
import com.subscriptionbff.subscription.SubscriptionColumns;
import org.jooq.DSLContext;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;

@Repository
class OverviewRepository {

    private final DSLContext db;

    OverviewRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The subscription with its plan and scheduled change, the card, the seats and the month's credits of many
     * workspaces, each month in its own time zone: one statement, from one row per workspace (CreditColumns' months),
     * each feature's columns side by side.
     */
    Map<MonthKey, Overview> find(Collection<MonthKey> months, Instant now) {
        List<MonthKey> keys = List.copyOf(months);
        Map<UUID, MonthKey> byWorkspace = new HashMap<>();
        keys.forEach(key -> byWorkspace.put(key.workspaceId(), key));
        List<SelectField<?>> columns = new ArrayList<>();
        columns.add(CreditColumns.WORKSPACE_ID);
        columns.addAll(SubscriptionColumns.columns());
        columns.addAll(PaymentMethodColumns.columns());
        columns.addAll(SeatColumns.columns(CreditColumns.WORKSPACE_ID));
        columns.addAll(CreditColumns.columns());
        Map<MonthKey, Overview> overviews = new HashMap<>();
        db.select(columns)
                .from(CreditColumns.monthsWithCredits(keys))
                .leftJoin(SubscriptionColumns.SCHEDULED_PLAN)
                .on(SubscriptionColumns.SCHEDULED_PLAN.ID.eq(SUBSCRIPTIONS.SCHEDULED_PLAN_ID))
                .leftJoin(PAYMENT_METHODS).on(PAYMENT_METHODS.WORKSPACE_ID.eq(CreditColumns.WORKSPACE_ID))
                .fetch()
                .forEach(row -> {
                    MonthKey month = byWorkspace.get(row.get(CreditColumns.WORKSPACE_ID));
                    overviews.put(month, new Overview(SubscriptionColumns.subscription(row, now),
                            PaymentMethodColumns.paymentMethod(row, now),
                            SeatColumns.seatUsage(row, month.workspaceId()),
                            CreditColumns.creditUsage(row, month)));
                });
        return overviews;
    }
}
