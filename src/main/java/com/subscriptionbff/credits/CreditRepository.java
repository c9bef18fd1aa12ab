package com.subscriptionbff.credits;

import com.subscriptionbff.db.enums.SubscriptionStatus;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.CREDIT_BALANCES;
import static com.subscriptionbff.db.Tables.CREDIT_USAGE_DAILY;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;

@Repository
class CreditRepository {

    private final DSLContext db;

    CreditRepository(DSLContext db) {
        this.db = db;
    }

    /** This month's credits of many workspaces, each month in its own time zone: one statement. */
    Map<UUID, CreditUsage> findUsage(Collection<MonthKey> months) {
        if (months.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Row2<UUID, LocalDate>[] rows = months.stream().map(m -> row(m.workspaceId(), m.today().withDayOfMonth(1)))
                .toArray(Row2[]::new);
        Table<?> k = values(rows).as("k", "workspace_id", "month_start");
        Field<UUID> workspaceId = k.field("workspace_id", UUID.class);
        Field<LocalDate> monthStart = k.field("month_start", LocalDate.class);
        Field<BigDecimal> usedThisMonth = field(select(coalesce(sum(CREDIT_USAGE_DAILY.CREDITS), BigDecimal.ZERO))
                .from(CREDIT_USAGE_DAILY)
                .where(CREDIT_USAGE_DAILY.WORKSPACE_ID.eq(workspaceId))
                .and(CREDIT_USAGE_DAILY.DAY.ge(monthStart)));
        // an ended subscription grants no monthly credits; purchased ones stay
        var ended = SUBSCRIPTIONS.STATUS.eq(SubscriptionStatus.CANCELED);
        Field<Long> included = when(ended, inline(0L)).otherwise(coalesce(PLANS.INCLUDED_MONTHLY_CREDITS, 0L));
        Field<Long> extra = when(ended, inline(0L)).otherwise(coalesce(SUBSCRIPTIONS.EXTRA_CREDITS, 0L));
        Map<UUID, MonthKey> byId = new HashMap<>();
        months.forEach(m -> byId.put(m.workspaceId(), m));
        Map<UUID, CreditUsage> result = new HashMap<>();
        db.select(workspaceId, usedThisMonth, included, extra, coalesce(CREDIT_BALANCES.PURCHASED_REMAINING, 0L))
                .from(k)
                .leftJoin(SUBSCRIPTIONS).on(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .leftJoin(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .leftJoin(CREDIT_BALANCES).on(CREDIT_BALANCES.WORKSPACE_ID.eq(workspaceId))
                .fetch()
                .forEach(r -> {
                    MonthKey month = byId.get(r.value1());
                    result.put(r.value1(), new CreditUsage(r.value1(), month.zone(), month.today(),
                            r.value2().longValueExact(), r.value3(), r.value4(), r.value5()));
                });
        return result;
    }

    /** Daily series for many (workspace, day range) keys, zero days filled in: one statement. */
    Map<DailyKey, List<DailyCreditUsage>> findDaily(Collection<DailyKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        LocalDate from = keys.stream().map(DailyKey::from).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = keys.stream().map(DailyKey::to).max(Comparator.naturalOrder()).orElseThrow();
        Map<UUID, Map<LocalDate, Long>> stored = new HashMap<>();
        db.select(CREDIT_USAGE_DAILY.WORKSPACE_ID, CREDIT_USAGE_DAILY.DAY, CREDIT_USAGE_DAILY.CREDITS)
                .from(CREDIT_USAGE_DAILY)
                .where(CREDIT_USAGE_DAILY.WORKSPACE_ID.in(keys.stream().map(DailyKey::workspaceId).distinct().toList()))
                .and(CREDIT_USAGE_DAILY.DAY.between(from, to))
                .fetch()
                .forEach(r -> stored.computeIfAbsent(r.value1(), id -> new HashMap<>()).put(r.value2(), r.value3()));
        Map<DailyKey, List<DailyCreditUsage>> result = new HashMap<>();
        for (DailyKey key : keys) {
            Map<LocalDate, Long> days = stored.getOrDefault(key.workspaceId(), Map.of());
            result.put(key, key.from().datesUntil(key.to().plusDays(1))
                    .map(day -> new DailyCreditUsage(day, days.getOrDefault(day, 0L)))
                    .toList());
        }
        return result;
    }

    /** A workspace and its today, in its own time zone. */
    record MonthKey(UUID workspaceId, ZoneId zone, LocalDate today) {
    }

    /** A workspace's days from..to inclusive. */
    record DailyKey(UUID workspaceId, LocalDate from, LocalDate to) {
    }
}
