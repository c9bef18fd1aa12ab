package com.subscriptionbff.credits;

import com.subscriptionbff.db.enums.SubscriptionStatus;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.SelectField;
import org.jooq.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.trunc;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;

/**
 * The month's credits as columns that other queries select beside their own, as {@link
 * com.subscriptionbff.plan.PlanRepository#planColumns} does for plans: a query from {@link #months} (one VALUES row
 * per workspace and its today) with the workspace's subscription, its plan and its credit balance
 * ({@link #monthsWithCredits}); {@link #creditUsage} reads a row back. The daily chart is a query of its own
 * ({@link #charts}), run only for the pages that show it.
 */
public final class CreditColumns {

    /** A workspace and its today, in its own time zone. */
    public record MonthKey(UUID workspaceId, ZoneId zone, LocalDate today) {
    }

    private static final String MONTHS = "k";
    /** The workspace of a row of {@link #months}, to join the rest on. */
    public static final Field<UUID> WORKSPACE_ID = field(name(MONTHS, "workspace_id"), UUID.class);
    private static final Field<LocalDate> TODAY = field(name(MONTHS, "today"), LocalDate.class);
    // derived from today in the statement: a VALUES row is rendered and bound for each workspace of the page
    private static final Field<LocalDate> MONTH_START = trunc(TODAY, DatePart.MONTH);
    private static final Field<LocalDate> CHART_FROM = TODAY.minus(inline(CreditUsage.MAX_CHART_DAYS - 1));

    private static final Field<BigDecimal> USED_THIS_MONTH = field(select(
            coalesce(sum(CREDIT_USAGE_DAILY.CREDITS), BigDecimal.ZERO))
            .from(CREDIT_USAGE_DAILY)
            .where(CREDIT_USAGE_DAILY.WORKSPACE_ID.eq(WORKSPACE_ID))
            .and(CREDIT_USAGE_DAILY.DAY.ge(MONTH_START))).as("used_this_month");
    // an ended subscription grants no monthly credits; purchased ones stay
    private static final Field<Long> INCLUDED_MONTHLY = when(SUBSCRIPTIONS.STATUS.eq(SubscriptionStatus.CANCELED),
            inline(0L)).otherwise(coalesce(PLANS.INCLUDED_MONTHLY_CREDITS, 0L)).as("included_monthly");
    private static final Field<Long> EXTRA_MONTHLY = when(SUBSCRIPTIONS.STATUS.eq(SubscriptionStatus.CANCELED),
            inline(0L)).otherwise(coalesce(SUBSCRIPTIONS.EXTRA_CREDITS, 0L)).as("extra_monthly");
    private static final Field<Long> PURCHASED_REMAINING =
            coalesce(CREDIT_BALANCES.PURCHASED_REMAINING, 0L).as("purchased_remaining");

    // the chart's stored days as two arrays, ordered by day: each day's offset from chart_from, and its credits
    // (arrays of numbers cost far less to read than a set of rows)
    private static final Table<?> CHART = lateral(select(
            arrayAgg(localDateDiff(CREDIT_USAGE_DAILY.DAY, CHART_FROM)).orderBy(CREDIT_USAGE_DAILY.DAY)
                    .as("day_offsets"),
            arrayAgg(CREDIT_USAGE_DAILY.CREDITS).orderBy(CREDIT_USAGE_DAILY.DAY).as("day_credits"))
            .from(CREDIT_USAGE_DAILY)
            .where(CREDIT_USAGE_DAILY.WORKSPACE_ID.eq(WORKSPACE_ID))
            .and(CREDIT_USAGE_DAILY.DAY.between(CHART_FROM, TODAY))).as("chart");
    private static final Field<Integer[]> DAY_OFFSETS = CHART.field("day_offsets", Integer[].class);
    private static final Field<Long[]> DAY_CREDITS = CHART.field("day_credits", Long[].class);

    private CreditColumns() {
    }

    /**
     * One row per month: (workspace, today). A VALUES row per workspace gives PostgreSQL the exact number of rows in
     * the statement's cached plan (an unnest of arrays would not); its month and chart start follow from today.
     */
    private static Table<?> months(List<MonthKey> keys) {
        @SuppressWarnings("unchecked")
        Row2<UUID, LocalDate>[] rows = new Row2[keys.size()];
        for (int i = 0; i < rows.length; i++) {
            MonthKey month = keys.get(i);
            rows[i] = row(val(month.workspaceId()), val(month.today()));
        }
        return values(rows).as(MONTHS, "workspace_id", "today");
    }

    /**
     * {@link #months} with what {@link #columns} read: each workspace's subscription, its plan and its credit
     * balance, left-joined; other queries join more onto it.
     */
    public static Table<?> monthsWithCredits(List<MonthKey> keys) {
        return months(keys)
                .leftJoin(SUBSCRIPTIONS).on(SUBSCRIPTIONS.WORKSPACE_ID.eq(WORKSPACE_ID))
                .leftJoin(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .leftJoin(CREDIT_BALANCES).on(CREDIT_BALANCES.WORKSPACE_ID.eq(WORKSPACE_ID));
    }

    /** What {@link #creditUsage} reads, from {@link #monthsWithCredits}. */
    public static List<SelectField<?>> columns() {
        return List.of(USED_THIS_MONTH, INCLUDED_MONTHLY, EXTRA_MONTHLY, PURCHASED_REMAINING);
    }

    public static CreditUsage creditUsage(Record row, MonthKey month) {
        return new CreditUsage(month.workspaceId(), month.zone(), month.today(),
                row.get(USED_THIS_MONTH).longValueExact(), row.get(INCLUDED_MONTHLY), row.get(EXTRA_MONTHLY),
                row.get(PURCHASED_REMAINING));
    }

    /** {@link #months} with each one's chart, for {@link #chartColumns}. */
    static Table<?> monthsWithCharts(List<MonthKey> keys) {
        return months(keys).leftJoin(CHART).on(trueCondition());
    }

    /** What {@link #chart} reads, from {@link #monthsWithCharts}: the month's workspace and its stored days. */
    static List<SelectField<?>> chartColumns() {
        return List.of(WORKSPACE_ID, DAY_OFFSETS, DAY_CREDITS);
    }

    /** The chart of a row of {@link #monthsWithCharts}: its last {@link CreditUsage#MAX_CHART_DAYS} days. */
    static CreditChart chart(Record row, MonthKey month) {
        return new CreditChart(days(month.today(), row.get(DAY_OFFSETS), row.get(DAY_CREDITS)));
    }

    /** The chart's days up to today, zero where nothing was used; the stored days come as offsets from its first. */
    private static List<DailyCreditUsage> days(LocalDate today, Integer[] offsets, Long[] credits) {
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
}
