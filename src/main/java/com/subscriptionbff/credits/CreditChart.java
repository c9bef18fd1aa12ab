package com.subscriptionbff.credits;

import java.util.List;

/** The daily chart of a month's credits: the last {@link CreditUsage#MAX_CHART_DAYS} days up to today, zeros included. */
record CreditChart(List<DailyCreditUsage> days) {

    /** The last `count` days up to today. */
    List<DailyCreditUsage> lastDays(int count) {
        return days.subList(days.size() - count, days.size());
    }
}
