package com.subscriptionbff.stripe;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.subscriptionbff.db.tables.records.PlansRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.subscriptionbff.db.enums.BillingInterval;

import static com.subscriptionbff.db.Tables.PLANS;

/** What a Stripe price id stands for in our catalog: a plan's price (and its interval) or an add-on's. */
@Component
class StripePrices {

    record Price(PlansRecord plan, StripeItem.Role role, boolean annual) {
    }

    private final DSLContext db;
    // the catalog changes rarely; a minute of staleness is harmless and saves a query per item
    private final LoadingCache<String, Optional<Price>> byId = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1)).build(this::load);

    StripePrices(DSLContext db) {
        this.db = db;
    }

    Price of(String priceId) {
        return byId.get(priceId).orElse(null);
    }

    StripeItem.Role roleOf(String priceId) {
        Price price = of(priceId);
        return price == null ? null : price.role();
    }

    /** The Stripe items of a plan, interval and add-ons; add-ons at the interval's prices (Stripe needs one interval). */
    List<StripeItem> itemsFor(StripePlanTerms terms) {
        PlansRecord plan = db.selectFrom(PLANS).where(PLANS.ID.eq(terms.planId())).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("no plan " + terms.planId()));
        boolean annual = terms.interval() == BillingInterval.YEAR;
        List<StripeItem> items = new ArrayList<>();
        items.add(new StripeItem(StripeItem.Role.PLAN,
                required(annual ? plan.getStripeAnnualPriceId() : plan.getStripeMonthlyPriceId(), plan, "plan"), 1));
        if (terms.extraSeats() > 0) {
            items.add(new StripeItem(StripeItem.Role.EXTRA_SEATS, required(annual
                    ? plan.getStripeExtraSeatAnnualPriceId() : plan.getStripeExtraSeatPriceId(), plan, "seat"),
                    terms.extraSeats()));
        } else {
            items.add(new StripeItem(StripeItem.Role.EXTRA_SEATS, null, 0));
        }
        if (terms.extraCreditMillions() > 0) {
            items.add(new StripeItem(StripeItem.Role.EXTRA_CREDITS, required(annual
                    ? plan.getStripeExtraCreditsAnnualPriceId() : plan.getStripeExtraCreditsPriceId(), plan, "credits"),
                    terms.extraCreditMillions()));
        } else {
            items.add(new StripeItem(StripeItem.Role.EXTRA_CREDITS, null, 0));
        }
        return items;
    }

    /** The one-off price of a million purchased credits for the plan. */
    String creditPackPriceOf(java.util.UUID planId) {
        String price = db.select(PLANS.STRIPE_PURCHASED_CREDITS_PRICE_ID).from(PLANS).where(PLANS.ID.eq(planId))
                .fetchOne(PLANS.STRIPE_PURCHASED_CREDITS_PRICE_ID);
        if (price == null) {
            throw new StripeRefusal(com.subscriptionbff.common.UserError.Code.NOT_ELIGIBLE,
                    "this plan sells no credits to buy");
        }
        return price;
    }

    private static String required(String priceId, PlansRecord plan, String what) {
        if (priceId == null) {
            // the catalog lacks the Stripe price: say so, rather than fail the request
            throw new StripeRefusal(com.subscriptionbff.common.UserError.Code.NOT_ELIGIBLE,
                    "the " + plan.getName() + " plan is not sold this way (no Stripe price for its " + what + ")");
        }
        return priceId;
    }

    private Optional<Price> load(String id) {
        PlansRecord plan = db.selectFrom(PLANS)
                .where(PLANS.STRIPE_MONTHLY_PRICE_ID.eq(id).or(PLANS.STRIPE_ANNUAL_PRICE_ID.eq(id))
                        .or(PLANS.STRIPE_EXTRA_SEAT_PRICE_ID.eq(id)).or(PLANS.STRIPE_EXTRA_SEAT_ANNUAL_PRICE_ID.eq(id))
                        .or(PLANS.STRIPE_EXTRA_CREDITS_PRICE_ID.eq(id)).or(PLANS.STRIPE_EXTRA_CREDITS_ANNUAL_PRICE_ID.eq(id)))
                .fetchAny();
        if (plan == null) {
            return Optional.empty();
        }
        if (id.equals(plan.getStripeMonthlyPriceId()) || id.equals(plan.getStripeAnnualPriceId())) {
            return Optional.of(new Price(plan, StripeItem.Role.PLAN, id.equals(plan.getStripeAnnualPriceId())));
        }
        if (id.equals(plan.getStripeExtraSeatPriceId()) || id.equals(plan.getStripeExtraSeatAnnualPriceId())) {
            return Optional.of(new Price(plan, StripeItem.Role.EXTRA_SEATS, id.equals(plan.getStripeExtraSeatAnnualPriceId())));
        }
        return Optional.of(new Price(plan, StripeItem.Role.EXTRA_CREDITS, id.equals(plan.getStripeExtraCreditsAnnualPriceId())));
    }
}
