package com.subscriptionbff.credits;

import com.subscriptionbff.credits.CreditColumns.MonthKey;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;


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
        return CreditColumns.charts(db, months);
    }
}
