package com.subscriptionbff.credits;

import com.subscriptionbff.credits.CreditColumns.MonthKey;
import org.jooq.DSLContext;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

import static com.subscriptionbff.db.Tables.CREDIT_BALANCES;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.jooq.impl.DSL.trueCondition;

@Repository
class CreditRepository {

    private final DSLContext db;

    CreditRepository(DSLContext db) {
        this.db = db;
    }

    /** This month's credits of one workspace in its time zone, with the chart when asked for: one statement. */
    CreditUsage findUsage(MonthKey month) {
        var months = CreditColumns.months(List.of(month));
        List<SelectField<?>> columns = new ArrayList<>(CreditColumns.columns());
        return db.select(columns)
                .from(months)
                .leftJoin(SUBSCRIPTIONS).on(SUBSCRIPTIONS.WORKSPACE_ID.eq(CreditColumns.WORKSPACE_ID))
                .leftJoin(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .leftJoin(CREDIT_BALANCES).on(CREDIT_BALANCES.WORKSPACE_ID.eq(CreditColumns.WORKSPACE_ID))
                .leftJoin(CreditColumns.chart()).on(trueCondition())
                .fetchSingle(row -> CreditColumns.creditUsage(row, month));
    }
}
