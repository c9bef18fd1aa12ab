package com.subscriptionbff.credits;

import com.subscriptionbff.common.Percent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
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
        long purchasedRemaining) {

    /** How many days of the chart a request may ask for ({@link CreditChart} holds that many). */
    public static final int MAX_CHART_DAYS = 90;

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
