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
        features(db);
    }

    /** The comparison table (help page 003): each feature's value per plan, in the table's order. */
    private static void features(DSLContext db) {
        // key, then free, team-starter, team-pro, enterprise: "yes"/"no", a number, or "unlimited"
        String[][] table = {
                {"chats", "unlimited", "unlimited", "unlimited", "unlimited"},
                {"chatbot_flows", "3", "unlimited", "unlimited", "unlimited"},
                {"javascript_sdk", "yes", "yes", "yes", "yes"},
                {"visitor_export", "no", "yes", "yes", "yes"},
                {"custom_branding", "no", "yes", "yes", "yes"},
                {"contact_buttons", "no", "yes", "yes", "yes"},
                {"advanced_analytics", "no", "no", "yes", "yes"},
                {"white_label", "no", "no", "yes", "yes"},
                {"api_access", "no", "no", "yes", "yes"},
                {"ai_chatbot", "no", "no", "yes", "yes"},
                {"priority_support", "no", "no", "no", "yes"}};
        UUID[] plans = {FREE, TEAM_STARTER, TEAM_PRO, ENTERPRISE};
        var rows = new java.util.ArrayList<com.subscriptionbff.db.tables.records.PlanFeaturesRecord>();
        for (int position = 0; position < table.length; position++) {
            for (int plan = 0; plan < plans.length; plan++) {
                String value = table[position][plan + 1];
                var row = new com.subscriptionbff.db.tables.records.PlanFeaturesRecord();
                row.setPlanId(plans[plan]);
                row.setFeatureKey(table[position][0]);
                row.setPosition(position);
                switch (value) {
                    case "yes", "no" -> {
                        row.setKind(com.subscriptionbff.db.enums.PlanFeatureKind.INCLUDED);
                        row.setIncluded(value.equals("yes"));
                    }
                    case "unlimited" -> row.setKind(com.subscriptionbff.db.enums.PlanFeatureKind.UNLIMITED);
                    default -> {
                        row.setKind(com.subscriptionbff.db.enums.PlanFeatureKind.COUNT);
                        row.setCount(Long.parseLong(value));
                    }
                }
                rows.add(row);
            }
        }
        db.batchInsert(rows).execute();
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
