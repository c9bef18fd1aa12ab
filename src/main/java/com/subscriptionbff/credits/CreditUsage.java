package com.subscriptionbff.credits;

import com.subscriptionbff.common.Percent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Credits of the current month. The monthly allowance (included + extra) resets each month; purchased credits
 * never expire and are consumed only once the allowance is used up, so purchasedRemaining already has this
 * month's overflow taken off.
 */
public record CreditUsage(
        UUID workspaceId,
        ZoneId zone,
        LocalDate today,
        long used,
        long includedMonthly,
        long extraMonthly,
        long purchasedRemaining,
        List<DailyCreditUsage> recentDays) {

    /** How many days of the chart a request may ask for; loaded with the month when the chart is asked for. */
    public static final int MAX_CHART_DAYS = 90;

    /** The last `days` days up to today, zero days included (recentDays holds the last MAX_CHART_DAYS). */
    public List<DailyCreditUsage> lastDays(int days) {
        return recentDays.subList(recentDays.size() - days, recentDays.size());
    }

    public LocalDate monthStart() {
        return today.withDayOfMonth(1);
    }

    public LocalDate monthEnd() {
        return today.withDayOfMonth(today.lengthOfMonth());
    }

    long monthlyAllowance() {
        return includedMonthly + extraMonthly;
    }

    public long remaining() {
        return Math.max(monthlyAllowance() - used, 0) + purchasedRemaining;
    }

    /** Everything available this month: the allowance, the purchased credits left, and what overflowed into them. */
    public long total() {
        return used + remaining();
    }

    public BigDecimal remainingPercent() {
        return Percent.of(remaining(), total());
    }

    public BigDecimal usedPercent() {
        return Percent.of(used, total());
    }
}
