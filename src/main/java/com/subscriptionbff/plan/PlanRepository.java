package com.subscriptionbff.plan;

import com.subscriptionbff.common.Money;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.util.List;

import static com.subscriptionbff.db.Tables.PLANS;
import static org.jooq.impl.DSL.row;

@Repository
public class PlanRepository {

    /** A Plan projected straight from the plans table; other features join it into their own queries. */
    public static final SelectField<Plan> PLAN = row(
            PLANS.ID, PLANS.CODE, PLANS.NAME, PLANS.INCLUDED_SEATS, PLANS.INCLUDED_MONTHLY_CREDITS,
            PLANS.MAX_EXTRA_SEATS, PLANS.CURRENCY, PLANS.MONTHLY_PRICE_MINOR, PLANS.ANNUAL_PRICE_MINOR,
            PLANS.EXTRA_SEAT_PRICE_MINOR, PLANS.EXTRA_CREDITS_PRICE_MINOR)
            .mapping((id, code, name, seats, credits, maxExtraSeats, currency, monthly, annual, seat, creditsPrice) ->
                    id == null ? null : new Plan(id, code, name, seats, credits, maxExtraSeats,
                            Money.of(monthly, currency), Money.ofNullable(annual, currency),
                            Money.ofNullable(seat, currency), Money.ofNullable(creditsPrice, currency)));

    private final DSLContext db;

    PlanRepository(DSLContext db) {
        this.db = db;
    }

    List<Plan> findCatalog() {
        return db.select(PLAN).from(PLANS).orderBy(PLANS.DISPLAY_ORDER, PLANS.CODE).fetch(Record1::value1);
    }
}
