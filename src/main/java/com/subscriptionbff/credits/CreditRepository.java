package com.subscriptionbff.credits;

import com.subscriptionbff.db.enums.SubscriptionStatus;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.ResultQuery;
import org.jooq.Row4;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.CREDIT_BALANCES;
import static com.subscriptionbff.db.Tables.CREDIT_USAGE_DAILY;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;

@Repository
class CreditRepository {

    private final DSLContext db;

    CreditRepository(DSLContext db) {
        this.db = db;
    }

    /** The statement for these months, as VALUES rows (workspace, month start, chart start or null, today). */
    private ResultQuery<Record7<UUID, BigDecimal, Long, Long, Long, Integer[], Long[]>> usageQuery(List<MonthKey> keys) {
        @SuppressWarnings("unchecked")
        Row4<UUID, LocalDate, LocalDate, LocalDate>[] rows = new Row4[keys.size()];
        for (int i = 0; i < rows.length; i++) {
            MonthKey month = keys.get(i);
            rows[i] = row(val(month.workspaceId()), val(month.today().withDayOfMonth(1)),
                    val(month.withChart() ? month.today().minusDays(CreditUsage.MAX_CHART_DAYS - 1L) : null,
                            LocalDate.class),
                    val(month.today()));
        }
        Table<?> k = values(rows).as("k", "workspace_id", "month_start", "chart_from", "today");
        Field<UUID> workspaceId = k.field("workspace_id", UUID.class);
        Field<LocalDate> monthStart = k.field("month_start", LocalDate.class);
        Field<LocalDate> chartFrom = k.field("chart_from", LocalDate.class);
        Field<LocalDate> today = k.field("today", LocalDate.class);
        Field<BigDecimal> usedThisMonth = field(select(coalesce(sum(CREDIT_USAGE_DAILY.CREDITS), BigDecimal.ZERO))
                .from(CREDIT_USAGE_DAILY)
                .where(CREDIT_USAGE_DAILY.WORKSPACE_ID.eq(workspaceId))
                .and(CREDIT_USAGE_DAILY.DAY.ge(monthStart)));
        // the chart's stored days as two arrays, ordered by day: each day's offset from chart_from, and its credits
        // (arrays of numbers cost far less to read than a set of rows); no chart asked for: chart_from is null, no rows
        Table<?> chart = lateral(select(
                arrayAgg(localDateDiff(CREDIT_USAGE_DAILY.DAY, chartFrom)).orderBy(CREDIT_USAGE_DAILY.DAY).as("day_offsets"),
                arrayAgg(CREDIT_USAGE_DAILY.CREDITS).orderBy(CREDIT_USAGE_DAILY.DAY).as("day_credits"))
                .from(CREDIT_USAGE_DAILY)
                .where(CREDIT_USAGE_DAILY.WORKSPACE_ID.eq(workspaceId))
                .and(CREDIT_USAGE_DAILY.DAY.between(chartFrom, today))).as("chart");
        // an ended subscription grants no monthly credits; purchased ones stay
        var ended = SUBSCRIPTIONS.STATUS.eq(SubscriptionStatus.CANCELED);
        Field<Long> included = when(ended, inline(0L)).otherwise(coalesce(PLANS.INCLUDED_MONTHLY_CREDITS, 0L));
        Field<Long> extra = when(ended, inline(0L)).otherwise(coalesce(SUBSCRIPTIONS.EXTRA_CREDITS, 0L));
        return db.select(workspaceId, usedThisMonth.as("used_this_month"),
                        included.as("included_monthly"), extra.as("extra_monthly"),
                        coalesce(CREDIT_BALANCES.PURCHASED_REMAINING, 0L).as("purchased_remaining"),
                        chart.field("day_offsets", Integer[].class), chart.field("day_credits", Long[].class))
                .from(k)
                .leftJoin(SUBSCRIPTIONS).on(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .leftJoin(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .leftJoin(CREDIT_BALANCES).on(CREDIT_BALANCES.WORKSPACE_ID.eq(workspaceId))
                .leftJoin(chart).on(trueCondition());
    }

    /**
     * This month's credits of many workspaces, each month in its own time zone, and for those whose chart is asked
     * for the last {@link CreditUsage#MAX_CHART_DAYS} days: one statement.
     */
    Map<MonthKey, CreditUsage> findUsage(Collection<MonthKey> months) {
        if (months.isEmpty()) {
            return Map.of();
        }
        List<MonthKey> keys = List.copyOf(months);
        Map<UUID, MonthKey> byId = new HashMap<>();
        keys.forEach(month -> byId.put(month.workspaceId(), month));
        Map<MonthKey, CreditUsage> result = new HashMap<>();
        usageQuery(keys).fetch().forEach(r -> {
            MonthKey month = byId.get(r.value1());
            result.put(month, new CreditUsage(r.value1(), month.zone(), month.today(),
                    r.value2().longValueExact(), r.value3(), r.value4(), r.value5(),
                    month.withChart() ? chart(month.today(), r.value6(), r.value7()) : List.of()));
        });
        return result;
    }

    /** The chart's days up to today, zero where nothing was used; the stored days come as offsets from its first. */
    private static List<DailyCreditUsage> chart(LocalDate today, Integer[] offsets, Long[] credits) {
        long[] perDay = new long[CreditUsage.MAX_CHART_DAYS];
        for (int i = 0; offsets != null && i < offsets.length; i++) {
            perDay[offsets[i]] = credits[i];
        }
        LocalDate first = today.minusDays(CreditUsage.MAX_CHART_DAYS - 1L);
        List<DailyCreditUsage> days = new ArrayList<>(perDay.length);
        for (int offset = 0; offset < perDay.length; offset++) {
            days.add(new DailyCreditUsage(first.plusDays(offset), perDay[offset]));
        }
        return days;
    }

    /** A workspace and its today, in its own time zone; withChart when the page asks for the daily chart. */
    record MonthKey(UUID workspaceId, ZoneId zone, LocalDate today, boolean withChart) {
    }
}
