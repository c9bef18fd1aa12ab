package com.subscriptionbff.plan;

import com.subscriptionbff.db.tables.records.PlansRecord;
import org.jooq.TableField;

import java.util.ArrayList;
import java.util.List;

import static com.subscriptionbff.db.Tables.PLANS;

/**
 * The Stripe prices a plan of the catalog needs, as Stripe bills them: the plan by the month and by the year, each
 * add-on (an extra seat, a million extra credits) by the month and, billed annually, twelve months a year, and the
 * credit pack once. Only the prices the plan sells (an amount set) are listed.
 */
public final class CatalogPrices {

    /** One price: its kind (in the lookup key), the catalog column holding its Stripe id, amount and interval. */
    public record CatalogPrice(String kind, TableField<?, String> column, String stripeId, long unitAmount,
                               String currency, String interval) {

        /** Stripe's lookup key of this price in this catalog, stable across runs: bff:{plan}:{kind}. */
        public String lookupKey(String planCode) {
            return "bff:" + planCode + ":" + kind;
        }
    }

    private CatalogPrices() {
    }

    public static List<CatalogPrice> of(PlansRecord plan) {
        List<CatalogPrice> prices = new ArrayList<>();
        add(prices, plan, "monthly", PLANS.STRIPE_MONTHLY_PRICE_ID, plan.getMonthlyPriceMinor(), "month");
        add(prices, plan, "annual", PLANS.STRIPE_ANNUAL_PRICE_ID, plan.getAnnualPriceMinor(), "year");
        add(prices, plan, "extra-seat", PLANS.STRIPE_EXTRA_SEAT_PRICE_ID, plan.getExtraSeatPriceMinor(), "month");
        if (plan.getAnnualPriceMinor() != null) {
            add(prices, plan, "extra-seat-annual", PLANS.STRIPE_EXTRA_SEAT_ANNUAL_PRICE_ID,
                    times12(plan.getExtraSeatPriceMinor()), "year");
            add(prices, plan, "extra-credits-annual", PLANS.STRIPE_EXTRA_CREDITS_ANNUAL_PRICE_ID,
                    times12(plan.getExtraCreditsPriceMinor()), "year");
        }
        add(prices, plan, "extra-credits", PLANS.STRIPE_EXTRA_CREDITS_PRICE_ID, plan.getExtraCreditsPriceMinor(),
                "month");
        add(prices, plan, "credit-pack", PLANS.STRIPE_PURCHASED_CREDITS_PRICE_ID, plan.getPurchasedCreditsPriceMinor(),
                null);
        return prices;
    }

    private static void add(List<CatalogPrice> prices, PlansRecord plan, String kind, TableField<?, String> column,
                            Long amount, String interval) {
        if (amount != null) {
            prices.add(new CatalogPrice(kind, column, plan.get(column), amount, plan.getCurrency(), interval));
        }
    }

    private static Long times12(Long monthly) {
        return monthly == null ? null : Math.multiplyExact(monthly, 12);
    }
}
