package com.subscriptionbff.subscription;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.support.IntegrationTest;
import com.subscriptionbff.demo.stripe.StripeEmulator;
import com.subscriptionbff.demo.stripe.StripeEmulator.Fault;
import com.subscriptionbff.support.TestData.Subscribed;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.AUDIT_ENTRIES;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buttons of "Manage subscription" that change it, against the local Stripe (demo/stripe): what the page shows afterwards,
 * what Stripe received, and what happens when Stripe says no or does not answer.
 */
class SubscriptionChangesIT extends IntegrationTest {

    static final String SUBSCRIPTION = """
            subscription { status billingInterval autoRenew endsAt
              plan { code } price { amount } recurringTotal { amount }
              currentPeriod { start end }
              customization { extraSeats extraCredits }
              cancellation { reason comment }
              scheduledChange { plan { code } billingInterval effectiveAt } }
            userErrors { field code message }""";

    static final String PREVIEW = """
            preview { amountDue { amount } total { amount } lines { description amount { amount } }
              newPrice { amount formatted(locale: "fr-FR") } newRecurringTotal { amount } billingInterval
              effectiveAt prorationDate savingsPerYear { amount } }
            userErrors { field code message }""";

    @Autowired
    DSLContext db;

    private Subscribed starter(String name, String owner, int extraSeats, long extraCreditMillions) {
        return testData.subscribed(name, owner, "team-starter", BillingInterval.MONTH, extraSeats, extraCreditMillions,
                SubscriptionStatus.ACTIVE);
    }

    private GraphQlTester.Response mutate(String user, String mutation, String inputType, Map<String, Object> input) {
        return as(user).document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { "
                + SUBSCRIPTION + " } }").variable("input", input).execute();
    }

    private GraphQlTester.Response customize(String user, Subscribed workspace, int seats, long credits, String key) {
        return mutate(user, "customizePlan", "CustomizePlanInput", Map.of("workspaceId", workspaceId(workspace.workspaceId()),
                "extraSeats", seats, "extraCredits", credits, "idempotencyKey", key));
    }

    private GraphQlTester.Response preview(String user, String query, String inputType, Map<String, Object> input) {
        return as(user).document("query($input: " + inputType + "!) { " + query + "(input: $input) { " + PREVIEW
                + " } }").variable("input", input).execute();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private int extraSeatsInDatabase(Subscribed workspace) {
        return db.fetchValue(SUBSCRIPTIONS.EXTRA_SEATS, SUBSCRIPTIONS.WORKSPACE_ID.eq(workspace.workspaceId()));
    }

    private int auditEntries(Subscribed workspace) {
        return db.fetchCount(AUDIT_ENTRIES, AUDIT_ENTRIES.WORKSPACE_ID.eq(workspace.workspaceId()));
    }

    // ---- customize ------------------------------------------------------------------------------------------------

    @Test
    void anAdminPreviewsFiveExtraSeatsThenIsChargedExactlyThePreviewAndSeesThemOnTheOverview() {
        Subscribed acme = starter("Customize SAS", "customize-owner", 2, 0);
        testData.member(acme.workspaceId(), "customize-admin", MemberRole.ADMIN);
        var preview = preview("customize-admin", "previewCustomizePlan", "PreviewCustomizePlanInput",
                Map.of("workspaceId", workspaceId(acme.workspaceId()), "extraSeats", 5));
        preview.path("previewCustomizePlan.userErrors").entityList(Object.class).hasSize(0);
        // 3 more seats at 15.00 for the 20 days left of a 30-day period: 30.00 now
        preview.path("previewCustomizePlan.preview.amountDue.amount").entity(String.class).isEqualTo("30.00");
        preview.path("previewCustomizePlan.preview.newRecurringTotal.amount").entity(String.class).isEqualTo("234.00");
        preview.path("previewCustomizePlan.preview.lines").entityList(Object.class).hasSize(2);
        String prorationDate = preview.path("previewCustomizePlan.preview.prorationDate").entity(String.class).get();

        String idempotencyKey = key();
        var changed = mutate("customize-admin", "customizePlan", "CustomizePlanInput", Map.of(
                "workspaceId", workspaceId(acme.workspaceId()), "extraSeats", 5, "prorationDate", prorationDate,
                "idempotencyKey", idempotencyKey));
        changed.path("customizePlan.userErrors").entityList(Object.class).hasSize(0);
        changed.path("customizePlan.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(5);
        changed.path("customizePlan.subscription.recurringTotal.amount").entity(String.class).isEqualTo("234.00");

        assertThat(stripe.charges(acme.subscriptionId())).singleElement()
                .extracting(StripeEmulator.Charge::amountDue).isEqualTo(3_000L);
        var update = stripe.executedWrites("/v1/subscriptions/" + acme.subscriptionId()).getFirst();
        assertThat(update.params()).containsEntry("proration_behavior", "always_invoice")
                .containsEntry("payment_behavior", "error_if_incomplete")
                .containsEntry("proration_date", Long.toString(Instant.parse(prorationDate).getEpochSecond()))
                .containsEntry("items[0][quantity]", "1")
                .containsEntry("items[1][quantity]", "5");
        assertThat(update.idempotencyKey()).endsWith(":customizePlan:" + idempotencyKey)
                .contains(acme.workspaceId().toString());
        assertThat(stripe.quantities(acme.subscriptionId()))
                .isEqualTo(Map.of("price_team_starter_monthly", 1L, "price_team_starter_seat", 5L));

        var log = as("customize-owner").document("""
                query($id: ID!) { workspace(id: $id) { auditLog { totalCount edges { node {
                  action at actor { email } changes { field before after } } } } } }""")
                .variable("id", workspaceId(acme.workspaceId())).execute();
        log.path("workspace.auditLog.totalCount").entity(Integer.class).isEqualTo(1);
        log.path("workspace.auditLog.edges[0].node.action").entity(String.class).isEqualTo("CUSTOMIZE_PLAN");
        log.path("workspace.auditLog.edges[0].node.actor.email").entity(String.class)
                .isEqualTo("customize-admin@test.example");
        log.path("workspace.auditLog.edges[0].node.changes[0]").entity(Map.class)
                .isEqualTo(Map.of("field", "extraSeats", "before", "2", "after", "5"));
    }

    @Test
    void customizationsThePlanCannotTakeAreRefusedWithoutCallingStripe() {
        Subscribed team = starter("Refusals GmbH", "refusals-owner", 3, 0);
        for (int i = 0; i < 11; i++) {
            testData.member(team.workspaceId(), "refusals-member-" + i, MemberRole.MEMBER);
        }
        // 12 active members, 10 included seats + 3 extra
        record Case(int seats, long credits, String code, String field) {
        }
        for (Case refused : List.of(
                new Case(41, 0, "ABOVE_PLAN_LIMIT", "extraSeats"),
                new Case(1, 0, "BELOW_SEATS_IN_USE", "extraSeats"),
                new Case(-1, 0, "INVALID_QUANTITY", "extraSeats"),
                new Case(3, 1_500_000, "INVALID_QUANTITY", "extraCredits"),
                new Case(3, -1_000_000, "INVALID_QUANTITY", "extraCredits"))) {
            var response = customize("refusals-owner", team, refused.seats(), refused.credits(), key());
            response.path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo(refused.code());
            response.path("customizePlan.userErrors[0].field").entityList(String.class)
                    .containsExactly("input", refused.field());
            response.path("customizePlan.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(3);
        }
        customize("refusals-owner", team, 3, 0, key())
                .path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo("NO_CHANGE");

        Subscribed free = testData.subscribed("Free Refusal", "free-refusal-owner", "free", BillingInterval.MONTH, 0, 0,
                SubscriptionStatus.ACTIVE);
        customize("free-refusal-owner", free, 2, 0, key())
                .path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo("ADD_ONS_NOT_SOLD");

        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId())).isEmpty();
        assertThat(stripe.executedWrites("/v1/subscriptions/" + free.subscriptionId())).isEmpty();
        assertThat(auditEntries(team)).isZero();
    }

    // ---- annual billing -------------------------------------------------------------------------------------------

    @Test
    void switchingToAnnualShowsPriceSavingsAndProrationThenCannotGoBackToMonthly() {
        Subscribed team = starter("Annual Oy", "annual-owner", 2, 1);
        var preview = preview("annual-owner", "previewSwitchToAnnualBilling", "PreviewSwitchToAnnualBillingInput",
                Map.of("workspaceId", workspaceId(team.workspaceId())));
        preview.path("previewSwitchToAnnualBilling.preview.newPrice.amount").entity(String.class).isEqualTo("1590.00");
        preview.path("previewSwitchToAnnualBilling.preview.savingsPerYear.amount").entity(String.class)
                .isEqualTo("318.00");
        preview.path("previewSwitchToAnnualBilling.preview.billingInterval").entity(String.class).isEqualTo("YEAR");
        // a year of plan + 2 seats + 1M credits (1590 + 360 + 120) minus 20/30 of the month paid (159 + 30 + 10)
        preview.path("previewSwitchToAnnualBilling.preview.amountDue.amount").entity(String.class).isEqualTo("1937.33");

        var switched = mutate("annual-owner", "switchToAnnualBilling", "SwitchToAnnualBillingInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "idempotencyKey", key()));
        switched.path("switchToAnnualBilling.userErrors").entityList(Object.class).hasSize(0);
        switched.path("switchToAnnualBilling.subscription.billingInterval").entity(String.class).isEqualTo("YEAR");
        switched.path("switchToAnnualBilling.subscription.price.amount").entity(String.class).isEqualTo("1590.00");
        switched.path("switchToAnnualBilling.subscription.currentPeriod.start").entity(Instant.class).isEqualTo(NOW);
        switched.path("switchToAnnualBilling.subscription.currentPeriod.end").entity(Instant.class)
                .isEqualTo(Instant.parse("2027-11-15T10:00:00Z"));
        assertThat(stripe.quantities(team.subscriptionId())).isEqualTo(Map.of("price_team_starter_annual", 1L,
                "price_team_starter_seat_annual", 2L, "price_team_starter_credits_annual", 1L));
        assertThat(stripe.charges(team.subscriptionId())).singleElement()
                .extracting(StripeEmulator.Charge::amountDue).isEqualTo(193_733L);

        var backToMonthly = mutate("annual-owner", "changePlan", "ChangePlanInput", Map.of(
                "workspaceId", workspaceId(team.workspaceId()), "planId", planId("team-starter"),
                "billingInterval", "MONTH", "idempotencyKey", key()));
        backToMonthly.path("changePlan.userErrors[0].code").entity(String.class).isEqualTo("ANNUAL_COMMITMENT");
        mutate("annual-owner", "switchToAnnualBilling", "SwitchToAnnualBillingInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "idempotencyKey", key()))
                .path("switchToAnnualBilling.userErrors[0].code").entity(String.class).isEqualTo("NOT_ELIGIBLE");
        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId())).hasSize(1);
    }

    // ---- change plan ----------------------------------------------------------------------------------------------

    private String planId(String code) {
        return as(com.subscriptionbff.demo.DemoData.MEMBER).document("{ plans { id code } }").execute()
                .path("plans[?(@.code == '" + code + "')].id").entityList(String.class).get().getFirst();
    }

    @Test
    void anUpgradeTakesEffectNowProratedAndADowngradeWaitsForThePeriodEndUntilWithdrawn() {
        Subscribed team = starter("Upgrade Ltd", "upgrade-owner", 4, 0);
        String pro = planId("team-pro");
        var upgradePreview = preview("upgrade-owner", "previewChangePlan", "PreviewChangePlanInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "planId", pro));
        // (399 - 159) + 4 × (12 - 15) = 228.00 a month, 20 of 30 days left
        upgradePreview.path("previewChangePlan.preview.amountDue.amount").entity(String.class).isEqualTo("152.00");
        upgradePreview.path("previewChangePlan.preview.effectiveAt").entity(Instant.class).isEqualTo(NOW);

        var upgraded = mutate("upgrade-owner", "changePlan", "ChangePlanInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "planId", pro, "idempotencyKey", key()));
        upgraded.path("changePlan.subscription.plan.code").entity(String.class).isEqualTo("team-pro");
        upgraded.path("changePlan.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(4);
        assertThat(stripe.quantities(team.subscriptionId()))
                .isEqualTo(Map.of("price_team_pro_monthly", 1L, "price_team_pro_seat", 4L));

        String starter = planId("team-starter");
        var downgradePreview = preview("upgrade-owner", "previewChangePlan", "PreviewChangePlanInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "planId", starter));
        downgradePreview.path("previewChangePlan.preview.amountDue.amount").entity(String.class).isEqualTo("0.00");
        Instant periodEnd = Instant.parse("2026-12-05T10:00:00Z");
        downgradePreview.path("previewChangePlan.preview.effectiveAt").entity(Instant.class).isEqualTo(periodEnd);

        var downgraded = mutate("upgrade-owner", "changePlan", "ChangePlanInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "planId", starter, "idempotencyKey", key()));
        downgraded.path("changePlan.userErrors").entityList(Object.class).hasSize(0);
        downgraded.path("changePlan.subscription.plan.code").entity(String.class).isEqualTo("team-pro");
        downgraded.path("changePlan.subscription.scheduledChange.plan.code").entity(String.class)
                .isEqualTo("team-starter");
        downgraded.path("changePlan.subscription.scheduledChange.effectiveAt").entity(Instant.class).isEqualTo(periodEnd);
        var phases = stripe.executedWrites("/v1/subscription_schedules/").getLast();
        assertThat(phases.params()).containsEntry("end_behavior", "release")
                .containsEntry("phases[0][end_date]", Long.toString(periodEnd.getEpochSecond()))
                .containsEntry("phases[1][items][0][price]", "price_team_starter_monthly")
                .containsEntry("phases[1][items][1][price]", "price_team_starter_seat")
                .containsEntry("phases[1][items][1][quantity]", "4");
        assertThat(stripe.quantities(team.subscriptionId())).containsEntry("price_team_pro_monthly", 1L);

        var withdrawn = mutate("upgrade-owner", "cancelScheduledPlanChange", "CancelScheduledPlanChangeInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "idempotencyKey", key()));
        withdrawn.path("cancelScheduledPlanChange.subscription.scheduledChange").valueIsNull();
        withdrawn.path("cancelScheduledPlanChange.subscription.plan.code").entity(String.class).isEqualTo("team-pro");
        assertThat(stripe.subscriptionJson(team.subscriptionId()).get("schedule").isJsonNull()).isTrue();
        mutate("upgrade-owner", "cancelScheduledPlanChange", "CancelScheduledPlanChangeInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "idempotencyKey", key()))
                .path("cancelScheduledPlanChange.userErrors[0].code").entity(String.class)
                .isEqualTo("NO_SCHEDULED_CHANGE");
        assertThat(auditEntries(team)).isEqualTo(3);
    }

    @Test
    void aDowngradeTakesEffectAtThePeriodEndAndIsNoLongerPending() {
        Subscribed team = testData.subscribed("Downgrade Day Oy", "downgrade-owner", "team-pro", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        mutate("downgrade-owner", "changePlan", "ChangePlanInput", Map.of("workspaceId",
                workspaceId(team.workspaceId()), "planId", planId("team-starter"), "idempotencyKey", key()))
                .path("changePlan.subscription.scheduledChange.plan.code").entity(String.class).isEqualTo("team-starter");
        stripe.renew(team.subscriptionId());
        // the renewal's events were lost; staff re-read the workspace from Stripe
        as(com.subscriptionbff.demo.DemoData.STAFF).document("mutation($id: ID!) { reconcileWithStripe(input: "
                        + "{workspaceId: $id}) { userErrors { code } } }")
                .variable("id", workspaceId(team.workspaceId())).execute()
                .path("reconcileWithStripe.userErrors").entityList(Object.class).hasSize(0);
        var after = as("downgrade-owner").document("query($id: ID!) { workspace(id: $id) { " + SUBSCRIPTION
                .replace("userErrors { field code message }", "") + " } }")
                .variable("id", workspaceId(team.workspaceId())).execute();
        after.path("workspace.subscription.plan.code").entity(String.class).isEqualTo("team-starter");
        after.path("workspace.subscription.currentPeriod.start").entity(Instant.class)
                .isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        after.path("workspace.subscription.scheduledChange").valueIsNull();
        // nothing pending blocks the next change, in the new period
        clock.set(Instant.parse("2026-12-06T00:00:00Z"));
        customize("downgrade-owner", team, 1, 0, key()).path("customizePlan.userErrors").entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aDeclinedUpgradeOverAScheduledDowngradeShowsWhatStripeHoldsAfterwards() {
        Subscribed team = testData.subscribed("Declined Upgrade SE", "declined-up-owner", "team-pro",
                BillingInterval.MONTH, 0, 0, SubscriptionStatus.ACTIVE);
        mutate("declined-up-owner", "changePlan", "ChangePlanInput", Map.of("workspaceId",
                workspaceId(team.workspaceId()), "planId", planId("team-starter"), "idempotencyKey", key()))
                .path("changePlan.subscription.scheduledChange.plan.code").entity(String.class).isEqualTo("team-starter");
        stripe.failNext("/v1/subscriptions/" + team.subscriptionId(), Fault.CARD_DECLINED);
        var declined = mutate("declined-up-owner", "changePlan", "ChangePlanInput", Map.of("workspaceId",
                workspaceId(team.workspaceId()), "planId", planId("enterprise"), "idempotencyKey", key()));
        declined.path("changePlan.userErrors[0].code").entity(String.class).isEqualTo("PAYMENT_FAILED");
        declined.path("changePlan.subscription.plan.code").entity(String.class).isEqualTo("team-pro");
        // Stripe released the schedule before it declined the card: the page says so instead of a phantom downgrade
        assertThat(stripe.subscriptionJson(team.subscriptionId()).get("schedule").isJsonNull()).isTrue();
        declined.path("changePlan.subscription.scheduledChange").valueIsNull();
    }

    // ---- cancel and reactivate ------------------------------------------------------------------------------------

    @Test
    void cancellingWithAReasonKeepsTheSubscriptionToThePeriodEndOnceAndReactivatingClearsIt() {
        Subscribed team = starter("Cancel SA", "cancel-owner", 0, 0);
        Map<String, Object> cancel = Map.of("workspaceId", workspaceId(team.workspaceId()), "reason", "HARD_TO_USE",
                "comment", "  Too many clicks  ", "idempotencyKey", key());
        var cancelled = mutate("cancel-owner", "cancelSubscription", "CancelSubscriptionInput", cancel);
        cancelled.path("cancelSubscription.subscription.autoRenew").entity(Boolean.class).isEqualTo(false);
        cancelled.path("cancelSubscription.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        cancelled.path("cancelSubscription.subscription.endsAt").entity(Instant.class)
                .isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        cancelled.path("cancelSubscription.subscription.cancellation.reason").entity(String.class)
                .isEqualTo("HARD_TO_USE");
        cancelled.path("cancelSubscription.subscription.cancellation.comment").entity(String.class)
                .isEqualTo("Too many clicks");
        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId()).getFirst().params())
                .containsEntry("cancel_at_period_end", "true")
                .containsEntry("cancellation_details[feedback]", "too_complex")
                .containsEntry("cancellation_details[comment]", "Too many clicks");

        var twice = mutate("cancel-owner", "cancelSubscription", "CancelSubscriptionInput", Map.of(
                "workspaceId", workspaceId(team.workspaceId()), "reason", "OTHER", "idempotencyKey", key()));
        twice.path("cancelSubscription.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_CANCELED");
        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId())).hasSize(1);

        var reactivated = mutate("cancel-owner", "reactivateSubscription", "ReactivateSubscriptionInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "idempotencyKey", key()));
        reactivated.path("reactivateSubscription.subscription.autoRenew").entity(Boolean.class).isEqualTo(true);
        reactivated.path("reactivateSubscription.subscription.cancellation").valueIsNull();
        reactivated.path("reactivateSubscription.subscription.endsAt").valueIsNull();
        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId()).getLast().params())
                .containsEntry("cancel_at_period_end", "false")
                .containsEntry("cancellation_details[feedback]", "");
        var log = db.select(AUDIT_ENTRIES.ACTION, AUDIT_ENTRIES.REASON, AUDIT_ENTRIES.COMMENT).from(AUDIT_ENTRIES)
                .where(AUDIT_ENTRIES.WORKSPACE_ID.eq(team.workspaceId())).orderBy(AUDIT_ENTRIES.AT).fetch();
        assertThat(log).hasSize(2);
        assertThat(log.getFirst().value2().getLiteral()).isEqualTo("HARD_TO_USE");
        assertThat(log.getFirst().value3()).isEqualTo("Too many clicks");
    }

    @Test
    void reactivatingAfterThePeriodEndIsRefusedWithAClearMessage() {
        Subscribed team = starter("Too Late BV", "late-owner", 0, 0);
        // through the document the Settings tab ships
        as("late-owner").documentName("cancelSubscription").variable("id", workspaceId(team.workspaceId()))
                .variable("reason", "TOO_EXPENSIVE").variable("key", key()).variable("locale", "fr-FR").execute()
                .path("cancelSubscription.userErrors").entityList(Object.class).hasSize(0)
                .path("cancelSubscription.subscription.autoRenew").entity(Boolean.class).isEqualTo(false);
        clock.set(Instant.parse("2026-12-06T00:00:00Z"));
        var late = mutate("late-owner", "reactivateSubscription", "ReactivateSubscriptionInput",
                Map.of("workspaceId", workspaceId(team.workspaceId()), "idempotencyKey", key()));
        late.path("reactivateSubscription.userErrors[0].code").entity(String.class).isEqualTo("SUBSCRIPTION_ENDED");
        late.path("reactivateSubscription.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("2026-12-05T10:00:00Z"));
        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId())).hasSize(1);
    }

    @Test
    void aPlanBilledInAnotherCurrencyIsRefusedAndStripeHearsNothing() {
        Subscribed team = starter("Dollar Plan GmbH", "dollar-owner", 2, 0);
        String code = "usd-" + UUID.randomUUID().toString().substring(0, 8);
        db.insertInto(PLANS)
                .set(PLANS.ID, UUID.randomUUID()).set(PLANS.CODE, code).set(PLANS.NAME, "Pro (USD)")
                .set(PLANS.CURRENCY, "USD").set(PLANS.INCLUDED_SEATS, 10)
                .set(PLANS.INCLUDED_MONTHLY_CREDITS, 28_000_000L).set(PLANS.MAX_EXTRA_SEATS, 0)
                .set(PLANS.MONTHLY_PRICE_MINOR, 17_900L).set(PLANS.STRIPE_MONTHLY_PRICE_ID, "price_" + code)
                .set(PLANS.DISPLAY_ORDER, 99)
                .execute();
        stripe.price("price_" + code, 17_900L, "USD", "month");
        String workspace = workspaceId(team.workspaceId());
        String dollarPlan = planId(code);

        var preview = preview("dollar-owner", "previewChangePlan", "PreviewChangePlanInput",
                Map.of("workspaceId", workspace, "planId", dollarPlan));
        preview.path("previewChangePlan.preview").valueIsNull();
        preview.path("previewChangePlan.userErrors[0].code").entity(String.class).isEqualTo("PLAN_UNAVAILABLE");
        var change = mutate("dollar-owner", "changePlan", "ChangePlanInput",
                Map.of("workspaceId", workspace, "planId", dollarPlan, "idempotencyKey", key()));
        change.path("changePlan.userErrors[0].code").entity(String.class).isEqualTo("PLAN_UNAVAILABLE");
        change.path("changePlan.userErrors[0].field").entityList(String.class).containsExactly("input", "planId");
        change.path("changePlan.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("USD").contains("EUR"));

        assertThat(stripe.received("/v1/subscriptions/" + team.subscriptionId())).isEmpty();
        assertThat(stripe.received("/v1/invoices/create_preview"))
                .noneMatch(asked -> team.subscriptionId().equals(asked.params().get("subscription")));
        assertThat(db.select(PLANS.CODE, SUBSCRIPTIONS.EXTRA_SEATS).from(SUBSCRIPTIONS)
                .join(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(team.workspaceId())).fetchOne().intoList())
                .containsExactly("team-starter", 2);
    }

    @Test
    void everyOtherRefusalIsAUserErrorAndStripeHearsNothing() {
        Subscribed team = starter("Other Refusals SL", "others-owner", 1, 0);
        String workspace = workspaceId(team.workspaceId());
        String pro = planId("team-pro");
        String starterPlan = planId("team-starter");
        record Refusal(String mutation, String inputType, Map<String, Object> input, String code) {
        }
        for (Refusal refusal : List.of(
                new Refusal("changePlan", "ChangePlanInput", Map.of("workspaceId", workspace,
                        "planId", "UGxhbjowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwOTk", "idempotencyKey", key()),
                        "PLAN_UNAVAILABLE"),
                new Refusal("changePlan", "ChangePlanInput", Map.of("workspaceId", workspace, "planId", starterPlan,
                        "idempotencyKey", key()), "NO_CHANGE"),
                new Refusal("customizePlan", "CustomizePlanInput", Map.of("workspaceId", workspace, "extraSeats", 2,
                        "prorationDate", NOW.minus(Duration.ofHours(2)).toString(), "idempotencyKey", key()),
                        "PREVIEW_EXPIRED"),
                new Refusal("customizePlan", "CustomizePlanInput", Map.of("workspaceId", workspace, "extraSeats", 2,
                        "prorationDate", NOW.plus(Duration.ofMinutes(5)).toString(), "idempotencyKey", key()),
                        "PREVIEW_EXPIRED"),
                new Refusal("reactivateSubscription", "ReactivateSubscriptionInput", Map.of("workspaceId", workspace,
                        "idempotencyKey", key()), "NOT_CANCELED"))) {
            mutate("others-owner", refusal.mutation(), refusal.inputType(), refusal.input())
                    .path(refusal.mutation() + ".userErrors[0].code").entity(String.class).isEqualTo(refusal.code());
        }
        // a malformed key is a bad request, not a refusal
        assertThat(onlyErrorType(customize("others-owner", team, 2, 0, "short"))).isEqualTo("BAD_REQUEST");
        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId())).isEmpty();

        // while a downgrade waits for the period end, the add-ons stay as they are
        Subscribed scheduled = testData.subscribed("Scheduled Refusal AS", "scheduled-owner", "team-pro",
                BillingInterval.MONTH, 0, 0, SubscriptionStatus.ACTIVE);
        mutate("scheduled-owner", "changePlan", "ChangePlanInput", Map.of("workspaceId",
                workspaceId(scheduled.workspaceId()), "planId", starterPlan, "idempotencyKey", key()))
                .path("changePlan.subscription.scheduledChange.plan.code").entity(String.class).isEqualTo("team-starter");
        customize("scheduled-owner", scheduled, 3, 0, key())
                .path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        mutate("scheduled-owner", "switchToAnnualBilling", "SwitchToAnnualBillingInput", Map.of("workspaceId",
                workspaceId(scheduled.workspaceId()), "idempotencyKey", key()))
                .path("switchToAnnualBilling.userErrors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        // an upgrade now supersedes the downgrade: Stripe releases the schedule first
        mutate("scheduled-owner", "changePlan", "ChangePlanInput", Map.of("workspaceId",
                workspaceId(scheduled.workspaceId()), "planId", planId("enterprise"), "idempotencyKey", key()))
                .path("changePlan.subscription.scheduledChange").valueIsNull()
                .path("changePlan.subscription.plan.code").entity(String.class).isEqualTo("enterprise");
        assertThat(stripe.executedWrites("/v1/subscription_schedules/")).last()
                .satisfies(release -> assertThat(release.path()).endsWith("/release"));

        // an ended subscription takes no change; a workspace billed elsewhere has nothing to change
        Subscribed ended = testData.subscribed("Ended Refusal SRL", "ended-refusal-owner", "team-starter",
                BillingInterval.MONTH, 0, 0, SubscriptionStatus.ACTIVE);
        db.update(SUBSCRIPTIONS).set(SUBSCRIPTIONS.STATUS, SubscriptionStatus.CANCELED)
                .set(SUBSCRIPTIONS.ENDED_AT, NOW).where(SUBSCRIPTIONS.WORKSPACE_ID.eq(ended.workspaceId())).execute();
        mutate("ended-refusal-owner", "cancelSubscription", "CancelSubscriptionInput", Map.of("workspaceId",
                workspaceId(ended.workspaceId()), "reason", "OTHER", "idempotencyKey", key()))
                .path("cancelSubscription.userErrors[0].code").entity(String.class).isEqualTo("SUBSCRIPTION_ENDED");
        var unbilled = testData.workspace("Unbilled Ltd", "Europe/London", "unbilled-owner");
        mutate("unbilled-owner", "customizePlan", "CustomizePlanInput", Map.of("workspaceId", workspaceId(unbilled),
                "extraSeats", 1, "idempotencyKey", key()))
                .path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo("NO_SUBSCRIPTION");
        assertThat(stripe.executedWrites("/v1/subscriptions/" + ended.subscriptionId())).isEmpty();
    }

    // ---- payment method and credits -------------------------------------------------------------------------------

    @Test
    void updatePaymentGivesAStripePageThatReturnsToAnAllowedUrlOnly() {
        Subscribed team = starter("Card Update Srl", "card-owner", 0, 0);
        String document = "mutation($input: UpdatePaymentMethodInput!) { updatePaymentMethod(input: $input) { "
                + "redirectUrl userErrors { field code } } }";
        var refused = as("card-owner").document(document).variable("input", Map.of(
                "workspaceId", workspaceId(team.workspaceId()), "returnUrl", "https://evil.example/billing",
                "idempotencyKey", key())).execute();
        refused.path("updatePaymentMethod.userErrors[0].code").entity(String.class).isEqualTo("RETURN_URL_NOT_ALLOWED");
        refused.path("updatePaymentMethod.redirectUrl").valueIsNull();
        assertThat(stripe.received("/v1/billing_portal")).isEmpty();

        var page = as("card-owner").document(document).variable("input", Map.of(
                "workspaceId", workspaceId(team.workspaceId()), "returnUrl", "https://app.example.com/billing?tab=overview",
                "idempotencyKey", key())).execute();
        page.path("updatePaymentMethod.redirectUrl").entity(String.class)
                .satisfies(url -> assertThat(url).startsWith(stripe.apiBase() + "/portal/bps_"));
        var sent = stripe.received("/v1/billing_portal/sessions").getLast();
        assertThat(sent.params()).containsEntry("customer", team.customerId())
                .containsEntry("flow_data[type]", "payment_method_update")
                .containsEntry("return_url", "https://app.example.com/billing?tab=overview");
    }

    @Test
    void buyingCreditsShowsThePriceThenOpensCheckoutForThatQuantity() {
        Subscribed team = starter("Credits Buyer AB", "buyer-owner", 0, 0);
        var preview = as("buyer-owner").document("""
                query($input: PreviewBuyCreditsInput!) { previewBuyCredits(input: $input) {
                  preview { credits amount { amount } pricePerMillion { amount } } userErrors { code } } }""")
                .variable("input", Map.of("workspaceId", workspaceId(team.workspaceId()), "millions", 3)).execute();
        preview.path("previewBuyCredits.preview.credits").entity(Long.class).isEqualTo(3_000_000L);
        preview.path("previewBuyCredits.preview.amount.amount").entity(String.class).isEqualTo("36.00");

        String document = """
                mutation($input: BuyCreditsInput!) { buyCredits(input: $input) {
                  checkoutUrl preview { amount { amount } } userErrors { field code } } }""";
        var bought = as("buyer-owner").document(document).variable("input", Map.of(
                "workspaceId", workspaceId(team.workspaceId()), "millions", 3,
                "returnUrl", "https://app.example.com/billing", "idempotencyKey", key())).execute();
        bought.path("buyCredits.checkoutUrl").entity(String.class)
                .satisfies(url -> assertThat(url).startsWith(stripe.apiBase() + "/checkout/cs_test_"));
        bought.path("buyCredits.preview.amount.amount").entity(String.class).isEqualTo("36.00");
        assertThat(stripe.received("/v1/checkout/sessions").getLast().params())
                .containsEntry("mode", "payment")
                .containsEntry("customer", team.customerId())
                .containsEntry("line_items[0][price]", "price_team_starter_credit_pack")
                .containsEntry("line_items[0][quantity]", "3")
                .containsEntry("metadata[credits]", "3000000");

        as("buyer-owner").document(document).variable("input", Map.of(
                        "workspaceId", workspaceId(team.workspaceId()), "millions", 2,
                        "returnUrl", "https://app.example.com.evil.example/billing", "idempotencyKey", key())).execute()
                .path("buyCredits.userErrors[0].code").entity(String.class).isEqualTo("RETURN_URL_NOT_ALLOWED")
                .path("buyCredits.checkoutUrl").valueIsNull();
        assertThat(stripe.received("/v1/checkout/sessions"))
                .filteredOn(r -> team.customerId().equals(r.params().get("customer"))).hasSize(1);
        as("buyer-owner").document(document).variable("input", Map.of(
                        "workspaceId", workspaceId(team.workspaceId()), "millions", 0,
                        "returnUrl", "https://app.example.com/billing", "idempotencyKey", key())).execute()
                .path("buyCredits.userErrors[0].code").entity(String.class).isEqualTo("INVALID_QUANTITY");
    }

    // ---- who may ---------------------------------------------------------------------------------------------------

    @Test
    void aMemberOrStaffIsForbiddenAndAStrangerFindsNothingAndStripeHearsOfNone() {
        Subscribed team = starter("Roles KG", "roles-owner", 0, 0);
        testData.member(team.workspaceId(), "roles-member", MemberRole.MEMBER);
        testData.user("roles-stranger");
        String workspace = workspaceId(team.workspaceId());
        List<String> documents = List.of(
                "mutation { customizePlan(input: {workspaceId: \"%s\", extraSeats: 1, idempotencyKey: \"k-12345678\"}) { userErrors { code } } }",
                "mutation { switchToAnnualBilling(input: {workspaceId: \"%s\", idempotencyKey: \"k-12345678\"}) { userErrors { code } } }",
                "mutation { cancelSubscription(input: {workspaceId: \"%s\", reason: OTHER, idempotencyKey: \"k-12345678\"}) { userErrors { code } } }",
                "mutation { reactivateSubscription(input: {workspaceId: \"%s\", idempotencyKey: \"k-12345678\"}) { userErrors { code } } }",
                "mutation { cancelScheduledPlanChange(input: {workspaceId: \"%s\", idempotencyKey: \"k-12345678\"}) { userErrors { code } } }",
                "mutation { updatePaymentMethod(input: {workspaceId: \"%s\", returnUrl: \"https://app.example.com/billing\", idempotencyKey: \"k-12345678\"}) { userErrors { code } } }",
                "mutation { buyCredits(input: {workspaceId: \"%s\", millions: 1, returnUrl: \"https://app.example.com/billing\", idempotencyKey: \"k-12345678\"}) { userErrors { code } } }",
                "query { previewCustomizePlan(input: {workspaceId: \"%s\", extraSeats: 1}) { userErrors { code } } }",
                "query { previewSwitchToAnnualBilling(input: {workspaceId: \"%s\"}) { userErrors { code } } }",
                "query { previewBuyCredits(input: {workspaceId: \"%s\", millions: 1}) { userErrors { code } } }",
                "query { workspace(id: \"%s\") { auditLog { totalCount } } }");
        for (String document : documents) {
            assertThat(onlyErrorType(as("roles-member").document(document.formatted(workspace)).execute()))
                    .as(document).isEqualTo("FORBIDDEN");
            assertThat(onlyErrorType(as("roles-stranger").document(document.formatted(workspace)).execute()))
                    .as(document).isEqualTo("NOT_FOUND");
            // staff read every workspace for the helpdesk, and change none
            assertThat(onlyErrorType(as(com.subscriptionbff.demo.DemoData.STAFF).document(document.formatted(workspace))
                    .execute())).as(document).isEqualTo("FORBIDDEN");
        }
        assertThat(stripe.received("/v1/subscriptions/" + team.subscriptionId())).isEmpty();
        assertThat(stripe.received("/v1/billing_portal").stream()
                .filter(r -> team.customerId().equals(r.params().get("customer")))).isEmpty();
    }

    // ---- faults ----------------------------------------------------------------------------------------------------

    @Test
    void aDeclinedCardIsAUserErrorWithStripesMessageAndChangesNothing() {
        Subscribed team = starter("Declined Sp", "declined-owner", 1, 0);
        stripe.failNext("/v1/subscriptions/" + team.subscriptionId(), Fault.CARD_DECLINED);
        var declined = customize("declined-owner", team, 6, 0, key());
        declined.path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo("PAYMENT_FAILED");
        declined.path("customizePlan.userErrors[0].message").entity(String.class).isEqualTo("Your card was declined.");
        declined.path("customizePlan.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(1);
        assertThat(extraSeatsInDatabase(team)).isEqualTo(1);
        assertThat(stripe.quantities(team.subscriptionId())).containsEntry("price_team_starter_seat", 1L);
        assertThat(stripe.charges(team.subscriptionId())).isEmpty();
        assertThat(auditEntries(team)).isZero();
        // the subscription is free for the next change
        customize("declined-owner", team, 2, 0, key()).path("customizePlan.userErrors").entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aStripeErrorOrRateLimitIsRetryableAndTheRetryWithTheSameKeyChargesOnce() {
        Subscribed team = starter("Retry Inc", "retry-owner", 0, 0);
        String idempotencyKey = key();
        for (Fault fault : List.of(Fault.SERVER_ERROR, Fault.RATE_LIMITED)) {
            stripe.failNext("/v1/subscriptions/" + team.subscriptionId(), fault);
            var failed = customize("retry-owner", team, 4, 0, idempotencyKey);
            assertThat(onlyErrorType(failed)).isEqualTo("UNAVAILABLE");
            assertThat(failed.returnResponse().getErrors().getFirst().getExtensions()).containsEntry("retryable", true);
            assertThat(extraSeatsInDatabase(team)).isZero();
        }
        var retried = customize("retry-owner", team, 4, 0, idempotencyKey);
        retried.path("customizePlan.userErrors").entityList(Object.class).hasSize(0);
        retried.path("customizePlan.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(4);
        assertThat(stripe.charges(team.subscriptionId())).hasSize(1);
        assertThat(auditEntries(team)).isEqualTo(1);
    }

    @Test
    void aTimeoutAfterStripeAppliedTheChangeShowsNothingUntilTheRetryWhichChargesOnce() {
        Subscribed team = starter("Timeout Pty", "timeout-owner", 0, 0);
        String idempotencyKey = key();
        stripe.failNext("/v1/subscriptions/" + team.subscriptionId(), Fault.TIMEOUT_AFTER_APPLYING);
        var timedOut = customize("timeout-owner", team, 3, 0, idempotencyKey);
        assertThat(onlyErrorType(timedOut)).isEqualTo("UNAVAILABLE");
        assertThat(extraSeatsInDatabase(team)).isZero();
        assertThat(stripe.quantities(team.subscriptionId())).containsEntry("price_team_starter_seat", 3L);

        // another change meanwhile waits: the outcome of the first is unknown
        customize("timeout-owner", team, 5, 0, key())
                .path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        // the same key with other numbers is not the same change
        customize("timeout-owner", team, 4, 0, idempotencyKey)
                .path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        var retried = customize("timeout-owner", team, 3, 0, idempotencyKey);
        retried.path("customizePlan.userErrors").entityList(Object.class).hasSize(0);
        assertThat(extraSeatsInDatabase(team)).isEqualTo(3);
        assertThat(stripe.charges(team.subscriptionId())).hasSize(1);
        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId())).hasSize(1);
        // and once more, after it went through: nothing sent, nothing recorded twice
        customize("timeout-owner", team, 3, 0, idempotencyKey).path("customizePlan.userErrors")
                .entityList(Object.class).hasSize(0);
        // but that key for another change, after it went through, is the client's mistake
        customize("timeout-owner", team, 7, 0, idempotencyKey)
                .path("customizePlan.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(auditEntries(team)).isEqualTo(1);
        assertThat(stripe.charges(team.subscriptionId())).hasSize(1);
    }

    @Test
    void twoAdminsCustomizingAtTheSameMomentOneWinsTheOtherGetsAConflictAndStripeAgrees() throws Exception {
        Subscribed team = starter("Race AS", "race-owner", 0, 0);
        testData.member(team.workspaceId(), "race-admin", MemberRole.ADMIN);
        stripe.answerWritesAfter(Duration.ofMillis(800));
        List<List<Map>> outcomes;
        try (var twoAdmins = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var owner = twoAdmins.submit(() -> customize("race-owner", team, 6, 0, key()).path(
                    "customizePlan.userErrors").entityList(Map.class).get());
            var admin = twoAdmins.submit(() -> customize("race-admin", team, 8, 0, key()).path(
                    "customizePlan.userErrors").entityList(Map.class).get());
            outcomes = List.of(owner.get(), admin.get());
        }
        assertThat(outcomes).filteredOn(List::isEmpty).hasSize(1);
        assertThat(outcomes).filteredOn(errors -> !errors.isEmpty()).singleElement()
                .satisfies(errors -> assertThat(errors.getFirst().get("code")).isEqualTo("CONFLICT"));
        assertThat(stripe.executedWrites("/v1/subscriptions/" + team.subscriptionId())).hasSize(1);
        assertThat(stripe.quantities(team.subscriptionId()).get("price_team_starter_seat"))
                .isEqualTo((long) extraSeatsInDatabase(team));
    }
}
