package com.subscriptionbff.plan;

import com.subscriptionbff.common.Money;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.util.List;

import com.subscriptionbff.db.tables.Plans;

import static com.subscriptionbff.db.Tables.PLANS;
import static org.jooq.impl.DSL.row;

@Repository
public class PlanRepository {

    /** A Plan projected straight from the plans table; other features join it into their own queries. */
    public static final SelectField<Plan> PLAN = plan(PLANS);

    /** The projection from an aliased plans table, for a second plan in one query (a scheduled change). */
    public static SelectField<Plan> plan(Plans plans) {
        return row(plans.ID, plans.CODE, plans.NAME, plans.INCLUDED_SEATS, plans.INCLUDED_MONTHLY_CREDITS,
                plans.MAX_EXTRA_SEATS, plans.CURRENCY, plans.MONTHLY_PRICE_MINOR, plans.ANNUAL_PRICE_MINOR,
                plans.EXTRA_SEAT_PRICE_MINOR, plans.EXTRA_CREDITS_PRICE_MINOR, plans.PURCHASED_CREDITS_PRICE_MINOR)
                .mapping((id, code, name, seats, credits, maxExtraSeats, currency, monthly, annual, seat, creditsPrice,
                          purchased) ->
                        id == null ? null : new Plan(id, code, name, seats, credits, maxExtraSeats,
                                Money.of(monthly, currency), Money.ofNullable(annual, currency),
                                Money.ofNullable(seat, currency), Money.ofNullable(creditsPrice, currency),
                                Money.ofNullable(purchased, currency)));
    }

    private final DSLContext db;

    PlanRepository(DSLContext db) {
        this.db = db;
    }

    public java.util.Optional<Plan> findById(java.util.UUID planId) {
        return db.select(PLAN).from(PLANS).where(PLANS.ID.eq(planId)).fetchOptional(Record1::value1);
    }

    /** The plan the workspace's subscription is on. */
    public java.util.Optional<Plan> findByWorkspaceId(java.util.UUID workspaceId) {
        return db.select(PLAN).from(PLANS)
                .join(com.subscriptionbff.db.Tables.SUBSCRIPTIONS)
                .on(com.subscriptionbff.db.Tables.SUBSCRIPTIONS.PLAN_ID.eq(PLANS.ID))
                .where(com.subscriptionbff.db.Tables.SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .fetchOptional(Record1::value1);
    }

    List<Plan> findCatalog() {
        return db.select(PLAN).from(PLANS).orderBy(PLANS.DISPLAY_ORDER, PLANS.CODE).fetch(Record1::value1);
    }
}
