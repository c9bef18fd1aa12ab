package com.subscriptionbff.credits;

import com.subscriptionbff.credits.CreditColumns.MonthKey;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


@Repository
class CreditRepository {

    private final DSLContext db;

    CreditRepository(DSLContext db) {
        this.db = db;
    }

    /** This month's credits of one workspace in its time zone: one statement. */
    CreditUsage findUsage(MonthKey month) {
        return db.select(CreditColumns.columns())
                .from(CreditColumns.monthsWithCredits(List.of(month)))
                .fetchSingle(row -> CreditColumns.creditUsage(row, month));
    }

    /** The daily chart of each month: one statement for all. */
    Map<MonthKey, CreditChart> findCharts(List<MonthKey> months) {
        Map<UUID, MonthKey> byWorkspace = new HashMap<>();
        months.forEach(month -> byWorkspace.put(month.workspaceId(), month));
        Map<MonthKey, CreditChart> charts = new HashMap<>();
        db.select(CreditColumns.chartColumns()).from(CreditColumns.monthsWithCharts(months)).forEach(row -> {
            MonthKey month = byWorkspace.get(row.get(CreditColumns.WORKSPACE_ID));
            charts.put(month, CreditColumns.chart(row, month));
        });
        return charts;
    }
}
