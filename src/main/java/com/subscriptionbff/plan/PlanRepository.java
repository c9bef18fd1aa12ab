package com.subscriptionbff.plan;

import com.subscriptionbff.common.Money;
import com.subscriptionbff.db.tables.Plans;
import com.subscriptionbff.db.enums.PlanFeatureKind;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.PLAN_FEATURES;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;

@Repository
public class PlanRepository {

    /**
     * A plan's columns, selected flat (a nested row would come back as text for jOOQ to parse); other features join
     * them into their own queries and read the plan back with {@link #plan(Record, Plans)}.
     */
    public static List<SelectField<?>> planColumns(Plans plans) {
        return List.of(plans.ID, plans.CODE, plans.NAME, plans.INCLUDED_SEATS, plans.INCLUDED_MONTHLY_CREDITS,
                plans.MAX_EXTRA_SEATS, plans.CURRENCY, plans.MONTHLY_PRICE_MINOR, plans.ANNUAL_PRICE_MINOR,
                plans.EXTRA_SEAT_PRICE_MINOR, plans.EXTRA_CREDITS_PRICE_MINOR, plans.PURCHASED_CREDITS_PRICE_MINOR);
    }

    /** The plan of a row that selected {@link #planColumns} of this (aliased) table; null if a left join found none. */
    public static Plan plan(Record row, Plans plans) {
        UUID id = row.get(plans.ID);
        if (id == null) {
            return null;
        }
        String currency = row.get(plans.CURRENCY);
        return new Plan(id, row.get(plans.CODE), row.get(plans.NAME), row.get(plans.INCLUDED_SEATS),
                row.get(plans.INCLUDED_MONTHLY_CREDITS), row.get(plans.MAX_EXTRA_SEATS),
                Money.of(row.get(plans.MONTHLY_PRICE_MINOR), currency),
                Money.ofNullable(row.get(plans.ANNUAL_PRICE_MINOR), currency),
                Money.ofNullable(row.get(plans.EXTRA_SEAT_PRICE_MINOR), currency),
                Money.ofNullable(row.get(plans.EXTRA_CREDITS_PRICE_MINOR), currency),
                Money.ofNullable(row.get(plans.PURCHASED_CREDITS_PRICE_MINOR), currency));
    }

    private final DSLContext db;

    PlanRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<Plan> findById(UUID planId) {
        return db.select(planColumns(PLANS)).from(PLANS).where(PLANS.ID.eq(planId))
                .fetchOptional(row -> plan(row, PLANS));
    }

    /** The plan the workspace's subscription is on. */
    public Optional<Plan> findByWorkspaceId(UUID workspaceId) {
        return db.select(planColumns(PLANS)).from(PLANS)
                .join(SUBSCRIPTIONS).on(SUBSCRIPTIONS.PLAN_ID.eq(PLANS.ID))
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(workspaceId))
                .fetchOptional(row -> plan(row, PLANS));
    }

    public List<Plan> findCatalog() {
        return db.select(planColumns(PLANS)).from(PLANS).orderBy(PLANS.DISPLAY_ORDER, PLANS.CODE)
                .fetch(row -> plan(row, PLANS));
    }

    /** The comparison table's rows of many plans, each in the table's order: one statement for the catalog. */
    Map<UUID, List<PlanFeature>> featuresOf(Collection<UUID> planIds) {
        Map<UUID, List<PlanFeature>> features = new HashMap<>();
        planIds.forEach(id -> features.put(id, new ArrayList<>()));
        var f = PLAN_FEATURES;
        db.select(f.PLAN_ID, f.FEATURE_KEY, f.KIND, f.INCLUDED, f.COUNT).from(f).where(f.PLAN_ID.in(planIds))
                .orderBy(f.PLAN_ID, f.POSITION)
                .forEach(r -> features.get(r.value1()).add(new PlanFeature(r.value2(),
                        r.value3() != PlanFeatureKind.INCLUDED || Boolean.TRUE.equals(r.value4()), r.value5(),
                        r.value3() == PlanFeatureKind.UNLIMITED)));
        return features;
    }
}
