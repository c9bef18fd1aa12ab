package com.subscriptionbff.plan;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.subscriptionbff.db.enums.BillingInterval;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.PLANS;
import static org.jooq.Records.mapping;

/**
 * The catalog's Stripe prices: which price ids bill a plan at an interval, and what a Stripe price id stands for (a
 * plan's price or an add-on's, at which interval).
 */
@Repository
public class PlanPrices {

    /** What a line of a subscription bills. */
    public enum Role {
        PLAN,
        EXTRA_SEATS,
        EXTRA_CREDITS
    }

    /** A Stripe price of the catalog: the plan it belongs to, its role and its interval. */
    public record PriceOf(UUID planId, int includedSeats, Role role, BillingInterval interval) {
    }

    /** The price ids of a plan at one interval; an add-on's is null where the catalog has no Stripe price for it. */
    public record IntervalPrices(String plan, String extraSeat, String extraCredits) {

        public String of(Role role) {
            return switch (role) {
                case PLAN -> plan;
                case EXTRA_SEATS -> extraSeat;
                case EXTRA_CREDITS -> extraCredits;
            };
        }
    }

    /** The plan a workspace is on without a paid subscription (after one ends): its id and the seats it includes. */
    public record FreePlan(UUID id, int includedSeats) {
    }

    private final DSLContext db;
    private final String freePlanCode;
    // the catalog changes rarely; a minute of staleness is harmless and saves a query per item
    private final LoadingCache<String, Optional<PriceOf>> byPriceId = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1)).build(this::load);

    PlanPrices(DSLContext db, @Value("${bff.catalog.free-plan:free}") String freePlanCode) {
        this.db = db;
        this.freePlanCode = freePlanCode;
    }

    /** The catalog's free plan (`bff.catalog.free-plan`), if the catalog has it. */
    public Optional<FreePlan> freePlan() {
        return db.select(PLANS.ID, PLANS.INCLUDED_SEATS).from(PLANS).where(PLANS.CODE.eq(freePlanCode))
                .fetchOptional(mapping(FreePlan::new));
    }

    /** What a Stripe price id stands for; empty for a price outside the catalog. */
    public Optional<PriceOf> of(String priceId) {
        return byPriceId.get(priceId);
    }

    /** The Stripe prices of a plan billed at an interval (add-ons at that interval too: Stripe needs one). */
    public IntervalPrices of(UUID planId, BillingInterval interval) {
        var p = PLANS;
        boolean annual = interval == BillingInterval.YEAR;
        return db.select(annual ? p.STRIPE_ANNUAL_PRICE_ID : p.STRIPE_MONTHLY_PRICE_ID,
                        annual ? p.STRIPE_EXTRA_SEAT_ANNUAL_PRICE_ID : p.STRIPE_EXTRA_SEAT_PRICE_ID,
                        annual ? p.STRIPE_EXTRA_CREDITS_ANNUAL_PRICE_ID : p.STRIPE_EXTRA_CREDITS_PRICE_ID)
                .from(p).where(p.ID.eq(planId))
                .fetchOptional(r -> new IntervalPrices(r.value1(), r.value2(), r.value3()))
                .orElseThrow(() -> new IllegalArgumentException("no plan " + planId));
    }

    /** The one-off price of a million purchased credits on the plan; empty when the plan sells none. */
    public Optional<String> creditPackOf(UUID planId) {
        return db.select(PLANS.STRIPE_PURCHASED_CREDITS_PRICE_ID).from(PLANS).where(PLANS.ID.eq(planId))
                .fetchOptional(PLANS.STRIPE_PURCHASED_CREDITS_PRICE_ID);
    }

    private Optional<PriceOf> load(String id) {
        var p = PLANS;
        return db.select(p.ID, p.INCLUDED_SEATS, p.STRIPE_MONTHLY_PRICE_ID, p.STRIPE_ANNUAL_PRICE_ID,
                        p.STRIPE_EXTRA_SEAT_PRICE_ID, p.STRIPE_EXTRA_SEAT_ANNUAL_PRICE_ID,
                        p.STRIPE_EXTRA_CREDITS_PRICE_ID, p.STRIPE_EXTRA_CREDITS_ANNUAL_PRICE_ID)
                .from(p)
                .where(p.STRIPE_MONTHLY_PRICE_ID.eq(id).or(p.STRIPE_ANNUAL_PRICE_ID.eq(id))
                        .or(p.STRIPE_EXTRA_SEAT_PRICE_ID.eq(id)).or(p.STRIPE_EXTRA_SEAT_ANNUAL_PRICE_ID.eq(id))
                        .or(p.STRIPE_EXTRA_CREDITS_PRICE_ID.eq(id)).or(p.STRIPE_EXTRA_CREDITS_ANNUAL_PRICE_ID.eq(id)))
                .limit(1)
                .fetchOptional(r -> {
                    Role role = id.equals(r.get(p.STRIPE_MONTHLY_PRICE_ID)) || id.equals(r.get(p.STRIPE_ANNUAL_PRICE_ID))
                            ? Role.PLAN
                            : id.equals(r.get(p.STRIPE_EXTRA_SEAT_PRICE_ID))
                            || id.equals(r.get(p.STRIPE_EXTRA_SEAT_ANNUAL_PRICE_ID)) ? Role.EXTRA_SEATS
                            : Role.EXTRA_CREDITS;
                    boolean annual = id.equals(r.get(p.STRIPE_ANNUAL_PRICE_ID))
                            || id.equals(r.get(p.STRIPE_EXTRA_SEAT_ANNUAL_PRICE_ID))
                            || id.equals(r.get(p.STRIPE_EXTRA_CREDITS_ANNUAL_PRICE_ID));
                    return new PriceOf(r.get(p.ID), r.get(p.INCLUDED_SEATS), role,
                            annual ? BillingInterval.YEAR : BillingInterval.MONTH);
                });
    }
}
