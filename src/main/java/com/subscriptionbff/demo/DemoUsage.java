package com.subscriptionbff.demo;

import com.subscriptionbff.db.tables.records.CreditUsageDailyRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** A workspace's demo credit usage, one row per day. */
final class DemoUsage {

    private DemoUsage() {
    }

    /**
     * `days` days up to `today`, each drawn between `min` and `max`; when `monthToDate` is positive, the days of
     * `today`'s month are scaled to add up to exactly that.
     */
    static List<CreditUsageDailyRecord> daily(UUID workspaceId, LocalDate today, long monthToDate, long min, long max,
                                              int days, Random random) {
        LocalDate monthStart = today.withDayOfMonth(1);
        List<CreditUsageDailyRecord> all = new ArrayList<>();
        List<CreditUsageDailyRecord> month = new ArrayList<>();
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            CreditUsageDailyRecord row = new CreditUsageDailyRecord();
            row.setWorkspaceId(workspaceId);
            row.setDay(day);
            row.setCredits(min + (long) (random.nextDouble() * (max - min)));
            all.add(row);
            if (!day.isBefore(monthStart)) {
                month.add(row);
            }
        }
        if (monthToDate > 0 && !month.isEmpty()) {
            long drawn = month.stream().mapToLong(CreditUsageDailyRecord::getCredits).sum();
            long assigned = 0;
            for (int i = 0; i < month.size() - 1; i++) {
                long credits = month.get(i).getCredits() * monthToDate / Math.max(drawn, 1);
                month.get(i).setCredits(credits);
                assigned += credits;
            }
            month.getLast().setCredits(monthToDate - assigned);
        }
        return all;
    }
}
