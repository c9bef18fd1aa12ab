package com.subscriptionbff.demo;

import com.subscriptionbff.db.tables.records.PlansRecord;
import org.jooq.DSLContext;

import java.util.List;
import java.util.UUID;

/** The demo catalog: four plans, Free to Enterprise, in euros, with the Stripe price ids their checkout uses. */
final class DemoCatalog {

    static final UUID FREE = DemoData.id("plan:free");
    static final UUID TEAM_STARTER = DemoData.id("plan:team-starter");
    static final UUID TEAM_PRO = DemoData.id("plan:team-pro");
    static final UUID ENTERPRISE = DemoData.id("plan:enterprise");

    private DemoCatalog() {
    }

    static void insert(DSLContext db) {
        db.batchInsert(List.of(
                plan(FREE, "free", "Free", 1, 3, 1_000_000, 0, 0, null, null, null, 1_500L),
                plan(TEAM_STARTER, "team-starter", "Team Starter", 2, 10, 20_000_000, 40, 15_900, 159_000L, 1_500L,
                        1_000L, 1_200L),
                plan(TEAM_PRO, "team-pro", "Team Pro", 3, 25, 60_000_000, 100, 39_900, 399_000L, 1_200L, 800L,
                        1_000L),
                plan(ENTERPRISE, "enterprise", "Enterprise", 4, 100, 300_000_000, 1_000, 149_000, 1_490_000L, 1_000L,
                        600L, 800L))).execute();
    }

    private static PlansRecord plan(UUID id, String code, String name, int order, int seats, long credits,
                                    int maxExtraSeats, long monthly, Long annual, Long extraSeat, Long extraCredits,
                                    long purchasedCredits) {
        PlansRecord plan = new PlansRecord();
        plan.setId(id);
        plan.setCode(code);
        plan.setName(name);
        plan.setCurrency("EUR");
        plan.setIncludedSeats(seats);
        plan.setIncludedMonthlyCredits(credits);
        plan.setMaxExtraSeats(maxExtraSeats);
        plan.setMonthlyPriceMinor(monthly);
        plan.setAnnualPriceMinor(annual);
        plan.setExtraSeatPriceMinor(extraSeat);
        plan.setExtraCreditsPriceMinor(extraCredits);
        String price = "price_" + code.replace('-', '_');
        plan.setStripeMonthlyPriceId(price + "_monthly");
        plan.setStripeAnnualPriceId(annual == null ? null : price + "_annual");
        plan.setStripeExtraSeatPriceId(extraSeat == null ? null : price + "_seat");
        plan.setStripeExtraCreditsPriceId(extraCredits == null ? null : price + "_credits");
        plan.setStripeExtraSeatAnnualPriceId(extraSeat == null || annual == null ? null : price + "_seat_annual");
        plan.setStripeExtraCreditsAnnualPriceId(extraCredits == null || annual == null ? null
                : price + "_credits_annual");
        plan.setPurchasedCreditsPriceMinor(purchasedCredits);
        plan.setStripePurchasedCreditsPriceId(price + "_credit_pack");
        plan.setDisplayOrder(order);
        return plan;
    }
}
