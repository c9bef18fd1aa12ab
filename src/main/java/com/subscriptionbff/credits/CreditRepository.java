package com.subscriptionbff.credits;

import com.subscriptionbff.credits.CreditColumns.MonthKey;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;


@Repository
class CreditRepository {

    private final DSLContext db;

    CreditRepository(DSLContext db) {
        this.db = db;
    }

    /** This month's credits of one workspace in its time zone, with the chart when asked for: one statement. */
    CreditUsage findUsage(MonthKey month) {
        return db.select(CreditColumns.columns())
                .from(CreditColumns.monthsWithCredits(List.of(month)))
                .fetchSingle(row -> CreditColumns.creditUsage(row, month));
    }
}
