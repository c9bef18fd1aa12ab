package com.subscriptionbff.demo.stripe;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.stripe.StripeWebhookController;
import com.subscriptionbff.support.IntegrationTest;
import com.subscriptionbff.support.TestData.Subscribed;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode's local Stripe end to end: each button goes from GraphQL to the emulator, and the page shows what the
 * emulator's signed events, delivered to /stripe/webhooks, wrote to the read model; time moves on with the demo clock.
 */
// without the bulk workspaces: a year of the clock renews every demo subscription twelve times, each with its events
@TestPropertySource(properties = {"bff.demo.stripe-emulator-events=true", "bff.demo.bulk-workspaces=0",
        "bff.catalog.contact-sales-plans=enterprise"})
class StripeEmulatorIT extends IntegrationTest {

    private static final String RETURN_URL = "https://app.example.com/billing";

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private GraphQlTester.Response mutate(String user, String mutation, String inputType, Map<String, Object> input,
                                          String selection) {
        var response = as(user).document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { "
                + selection + " userErrors { code message } } }").variable("input", input).execute();
        response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        settle();
        return response;
    }

    private void mutateRefused(String user, String mutation, String inputType, Map<String, Object> input,
                               String code) {
        as(user).document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { "
                        + "userErrors { code message } } }").variable("input", input).execute()
                .path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    private GraphQlTester.Response page(String user, UUID workspace) {
        return as(user).document("""
                query($id: ID!) { workspace(id: $id) {
                  subscription { status plan { code } billingInterval autoRenew currentPeriod { start end }
                    customization { extraSeats } recurringTotal { amount } cancellation { reason } }
                  paymentMethod { brand last4 expMonth expYear }
                  invoices(first: 10) { totalCount edges { node { status total { amount } period { start } } } }
                  creditPurchases(first: 10) { totalCount edges { node { credits amount { amount } source } } }
                } }""").variable("id", workspaceId(workspace)).execute();
    }

    private void settle() {
        try {
            assertThat(stripe.awaitEventsDelivered(Duration.ofSeconds(20))).as("events delivered").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> browse(String method, String url, String form) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void cancelReactivateCustomizeSwitchToAnnualThenTheClockReachesThePeriodEndAndTheRenewalIsInvoiced()
            throws Exception {
        Subscribed team = testData.subscribed("Lifecycle GmbH", "life-owner", "team-starter", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        stripe.defaultCard(team.customerId(), "pm_life_visa", "visa", "4242", 12, 2030);
        String id = workspaceId(team.workspaceId());

        mutate("life-owner", "cancelSubscription", "CancelSubscriptionInput", Map.of("workspaceId", id,
                "reason", "TOO_EXPENSIVE", "idempotencyKey", key()), "subscription { id }");
        page("life-owner", team.workspaceId()).path("workspace.subscription.autoRenew").entity(Boolean.class)
                .isEqualTo(false);
        mutate("life-owner", "reactivateSubscription", "ReactivateSubscriptionInput", Map.of("workspaceId", id,
                "idempotencyKey", key()), "subscription { id }");
        page("life-owner", team.workspaceId()).path("workspace.subscription.autoRenew").entity(Boolean.class)
                .isEqualTo(true);

        mutate("life-owner", "customizePlan", "CustomizePlanInput", Map.of("workspaceId", id, "extraSeats", 3,
                "extraCredits", 0, "idempotencyKey", key()), "subscription { id }");
        var customized = page("life-owner", team.workspaceId());
        customized.path("workspace.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(3);
        // the prorated charge reached the Billing tab through invoice.paid
        customized.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(1);
        customized.path("workspace.invoices.edges[0].node.status").entity(String.class).isEqualTo("PAID");
        // its details: one prorated line, the three seats for the time left in the period
        var prorated = as("life-owner").document("""
                query($id: ID!) { workspace(id: $id) { invoices(first: 1) { edges { node { total { amount }
                  lines { quantity amount { amount } proration period { end } } } } } } }""")
                .variable("id", id).execute();
        prorated.path("workspace.invoices.edges[0].node.lines").entityList(Object.class).hasSize(1);
        prorated.path("workspace.invoices.edges[0].node.lines[0].quantity").entity(Long.class).isEqualTo(3L);
        prorated.path("workspace.invoices.edges[0].node.lines[0].proration").entity(Boolean.class).isEqualTo(true);
        prorated.path("workspace.invoices.edges[0].node.lines[0].amount.amount").entity(String.class).isEqualTo(
                prorated.path("workspace.invoices.edges[0].node.total.amount").entity(String.class).get());

        mutate("life-owner", "switchToAnnualBilling", "SwitchToAnnualBillingInput", Map.of("workspaceId", id,
                "idempotencyKey", key()), "subscription { id }");
        var annual = page("life-owner", team.workspaceId());
        annual.path("workspace.subscription.billingInterval").entity(String.class).isEqualTo("YEAR");
        String yearEnds = annual.path("workspace.subscription.currentPeriod.end").entity(String.class).get();
        String annualTotal = annual.path("workspace.subscription.recurringTotal.amount").entity(String.class).get();
        int invoicesBefore = annual.path("workspace.invoices.totalCount").entity(Integer.class).get();

        var advanced = browse("POST", "http://127.0.0.1:" + port + "/demo/stripe/advance-clock?workspace=" + id, "");
        assertThat(advanced.statusCode()).isEqualTo(200);
        assertThat(advanced.body()).contains(team.subscriptionId()).contains("renewed, invoice paid")
                .contains("\"eventsDelivered\":true");
        assertThat(clock.instant()).isEqualTo(Instant.parse(yearEnds));

        var renewed = page("life-owner", team.workspaceId());
        renewed.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        renewed.path("workspace.subscription.currentPeriod.start").entity(String.class).isEqualTo(yearEnds);
        renewed.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(invoicesBefore + 1);
        renewed.path("workspace.invoices.edges[0].node.period.start").entity(String.class).isEqualTo(yearEnds);
        renewed.path("workspace.invoices.edges[0].node.total.amount").entity(String.class).isEqualTo(annualTotal);
        // the renewal's details: the annual plan and the three seats for the new year, nothing prorated
        var details = as("life-owner").document("""
                query($id: ID!) { workspace(id: $id) { invoices(first: 1) { edges { node {
                  lines { quantity proration period { start } } } } } } }""").variable("id", id).execute();
        assertThat(details.path("workspace.invoices.edges[0].node.lines[*].quantity").entityList(Long.class).get())
                .containsExactlyInAnyOrder(1L, 3L);
        assertThat(details.path("workspace.invoices.edges[0].node.lines[*].proration").entityList(Boolean.class).get())
                .containsOnly(false);
        assertThat(details.path("workspace.invoices.edges[0].node.lines[*].period.start").entityList(String.class)
                .get()).containsOnly(yearEnds);
    }

    @Test
    void checkoutRefusesADeclinedCardThenPaysAndThePurchaseReachesTheBillingTab() throws Exception {
        Subscribed team = testData.subscribed("Checkout BV", "checkout-owner", "team-starter", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        String checkoutUrl = mutate("checkout-owner", "buyCredits", "BuyCreditsInput", Map.of(
                "workspaceId", workspaceId(team.workspaceId()), "millions", 2, "returnUrl", RETURN_URL,
                "idempotencyKey", key()), "checkoutUrl").path("buyCredits.checkoutUrl").entity(String.class).get();

        var page = browse("GET", checkoutUrl, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pay").contains("EUR");

        var declined = browse("POST", checkoutUrl, "action=pay&card=4000+0000+0000+0002");
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body()).contains("Your card was declined.");
        settle();
        page("checkout-owner", team.workspaceId()).path("workspace.creditPurchases.totalCount").entity(Integer.class)
                .isEqualTo(0);

        var paid = browse("POST", checkoutUrl, "action=pay&card=4242+4242+4242+4242");
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).get().asString().startsWith(RETURN_URL);
        settle();
        var purchases = page("checkout-owner", team.workspaceId());
        purchases.path("workspace.creditPurchases.totalCount").entity(Integer.class).isEqualTo(1);
        purchases.path("workspace.creditPurchases.edges[0].node.credits").entity(Long.class).isEqualTo(2_000_000L);

        // the session is complete: paying again is refused
        assertThat(browse("POST", checkoutUrl, "action=pay&card=4242424242424242").statusCode()).isEqualTo(400);
    }

    @Test
    void thePortalSavesANewCardThenACardThatFailsMakesTheRenewalPastDueWithItsBannerUntilAGoodCardPaysIt() throws Exception {
        Subscribed team = testData.subscribed("Portal Oy", "portal-owner", "team-starter", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        String id = workspaceId(team.workspaceId());
        String portalUrl = mutate("portal-owner", "updatePaymentMethod", "UpdatePaymentMethodInput", Map.of(
                "workspaceId", id, "returnUrl", RETURN_URL, "idempotencyKey", key()), "redirectUrl")
                .path("updatePaymentMethod.redirectUrl").entity(String.class).get();

        assertThat(browse("GET", portalUrl, null).statusCode()).isEqualTo(200);
        var saved = browse("POST", portalUrl, "card=5555+5555+5555+4444&exp_month=3&exp_year=2031");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains(RETURN_URL);
        settle();
        var withCard = page("portal-owner", team.workspaceId());
        withCard.path("workspace.paymentMethod.brand").entity(String.class).satisfies(brand ->
                assertThat(brand).containsIgnoringCase("mastercard"));
        withCard.path("workspace.paymentMethod.last4").entity(String.class).isEqualTo("4444");
        withCard.path("workspace.paymentMethod.expYear").entity(Integer.class).isEqualTo(2031);

        // Stripe's 0341 card is saved, but the renewal's payment fails
        assertThat(browse("POST", portalUrl, "card=4000000000000341&exp_month=1&exp_year=2032").statusCode())
                .isEqualTo(303);
        var advanced = browse("POST", "http://127.0.0.1:" + port + "/demo/stripe/advance-clock?workspace=" + id, "");
        assertThat(advanced.body()).contains("payment failed: past due");
        var pastDue = as("portal-owner").document("""
                query($id: ID!) { workspace(id: $id) {
                  subscription { status paymentRequired dunning { since nextRetryAt accessEndsAt action } }
                  invoices(first: 1) { edges { node { status payUrl download { hostedUrl } } } }
                } }""").variable("id", id).execute();
        pastDue.path("workspace.subscription.status").entity(String.class).isEqualTo("PAST_DUE");
        pastDue.path("workspace.subscription.paymentRequired").entity(Boolean.class).isEqualTo(true);
        pastDue.path("workspace.subscription.dunning.since").entity(Instant.class).isEqualTo(clock.instant());
        pastDue.path("workspace.subscription.dunning.nextRetryAt").entity(Instant.class)
                .isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        pastDue.path("workspace.subscription.dunning.accessEndsAt").entity(Instant.class)
                .isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        pastDue.path("workspace.subscription.dunning.action").entity(String.class).isEqualTo("UPDATE_PAYMENT_METHOD");
        pastDue.path("workspace.invoices.edges[0].node.status").entity(String.class).isEqualTo("OPEN");
        String hosted = pastDue.path("workspace.invoices.edges[0].node.download.hostedUrl").entity(String.class).get();
        pastDue.path("workspace.invoices.edges[0].node.payUrl").entity(String.class).isEqualTo(hosted);

        // a card that works, saved in the portal: Stripe charges the open invoice and the subscription is active
        String fixUrl = mutate("portal-owner", "updatePaymentMethod", "UpdatePaymentMethodInput", Map.of(
                "workspaceId", id, "returnUrl", RETURN_URL, "idempotencyKey", key()), "redirectUrl")
                .path("updatePaymentMethod.redirectUrl").entity(String.class).get();
        assertThat(browse("POST", fixUrl, "card=4242424242424242&exp_month=9&exp_year=2033").statusCode())
                .isEqualTo(303);
        settle();
        var fixed = as("portal-owner").document("""
                query($id: ID!) { workspace(id: $id) {
                  subscription { status paymentRequired dunning { since } }
                  invoices(first: 1) { edges { node { status payUrl } } }
                } }""").variable("id", id).execute();
        fixed.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        fixed.path("workspace.subscription.paymentRequired").entity(Boolean.class).isEqualTo(false);
        fixed.path("workspace.subscription.dunning").valueIsNull();
        fixed.path("workspace.invoices.edges[0].node.status").entity(String.class).isEqualTo("PAID");
        fixed.path("workspace.invoices.edges[0].node.payUrl").valueIsNull();
    }

    private HttpResponse<String> advanceClock(String workspaceId) throws IOException, InterruptedException {
        var advanced = browse("POST", "http://127.0.0.1:" + port + "/demo/stripe/advance-clock?workspace="
                + workspaceId, "");
        assertThat(advanced.statusCode()).isEqualTo(200);
        return advanced;
    }

    @Test
    void aTrialWithoutACardFallsBackToFreeAndOneWithACardSavedInThePortalBecomesPaid() throws Exception {
        Subscribed withoutCard = testData.subscribed("Trial SRL", "trial-owner", "team-starter",
                BillingInterval.MONTH, 0, 0, SubscriptionStatus.TRIALING);
        Subscribed withCard = testData.subscribed("Trial With Card SRL", "trial-card-owner", "team-starter",
                BillingInterval.MONTH, 0, 0, SubscriptionStatus.TRIALING);
        String portalUrl = mutate("trial-card-owner", "updatePaymentMethod", "UpdatePaymentMethodInput", Map.of(
                "workspaceId", workspaceId(withCard.workspaceId()), "returnUrl", RETURN_URL, "idempotencyKey", key()),
                "redirectUrl").path("updatePaymentMethod.redirectUrl").entity(String.class).get();
        assertThat(browse("POST", portalUrl, "card=4242424242424242&exp_month=8&exp_year=2030").statusCode())
                .isEqualTo(303);

        // both trials end at the same instant
        assertThat(advanceClock(workspaceId(withoutCard.workspaceId())).body())
                .contains("trial ended without a payment method: canceled").contains("trial ended, invoice paid");
        // without a card the trial falls back to the Free plan
        var free = page("trial-owner", withoutCard.workspaceId());
        free.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        free.path("workspace.subscription.plan.code").entity(String.class).isEqualTo("free");
        var paid = page("trial-card-owner", withCard.workspaceId());
        paid.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        paid.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(1);
        paid.path("workspace.invoices.edges[0].node.status").entity(String.class).isEqualTo("PAID");

        assertThat(browse("POST", "http://127.0.0.1:" + port + "/demo/stripe/advance-clock?workspace=not-an-id", "")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aCancellationTakesEffectAtThePeriodEndAndLeavesTheWorkspaceOnTheFreePlanWithItsHistory() throws Exception {
        Subscribed team = testData.subscribed("Leaving Ltd", "leaving-owner", "team-starter", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        for (int member = 1; member <= 4; member++) {
            testData.member(team.workspaceId(), "leaving-member-" + member,
                    com.subscriptionbff.db.enums.MemberRole.MEMBER,
                    Instant.parse("2026-02-01T00:00:00Z").plus(Duration.ofDays(member)));
        }
        String id = workspaceId(team.workspaceId());
        mutate("leaving-owner", "cancelSubscription", "CancelSubscriptionInput", Map.of("workspaceId", id,
                "reason", "NOT_ENOUGH_VALUE", "idempotencyKey", key()), "subscription { id }");
        var beforeEnd = page("leaving-owner", team.workspaceId());
        int invoices = beforeEnd.path("workspace.invoices.totalCount").entity(Integer.class).get();
        assertThat(advanceClock(id).body()).contains("canceled at the period end");
        var ended = page("leaving-owner", team.workspaceId());
        ended.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        ended.path("workspace.subscription.cancellation").valueIsNull();
        ended.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(invoices);
        as("leaving-owner").document("query($id: ID!) { workspace(id: $id) { subscription { plan { code } } } }")
                .variable("id", id).execute().path("workspace.subscription.plan.code").entity(String.class)
                .isEqualTo("free");
        // the Free plan's 3 seats: the owner and the two first members keep theirs
        var seats = as("leaving-owner").document("query($id: ID!) { workspace(id: $id) { seats { used total "
                + "deactivatedAtRenewals { displayName } } } }").variable("id", id).execute();
        seats.path("workspace.seats.used").entity(Integer.class).isEqualTo(3);
        seats.path("workspace.seats.total").entity(Integer.class).isEqualTo(3);
        assertThat(seats.path("workspace.seats.deactivatedAtRenewals[*].displayName").entityList(String.class).get())
                .containsExactlyInAnyOrder("leaving-member-3", "leaving-member-4");
        // reactivating is refused after the end: subscribing again is the path
        mutateRefused("leaving-owner", "reactivateSubscription", "ReactivateSubscriptionInput", Map.of(
                "workspaceId", id, "idempotencyKey", key()), "NO_SUBSCRIPTION");
    }

    @Test
    void aDowngradeBeginsAtThePeriodEndAndTheNewestMembersBeyondItsSeatsLoseTheirSeat() throws Exception {
        Subscribed team = testData.subscribed("Shrinking AG", "shrinking-owner", "team-pro", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        stripe.defaultCard(team.customerId(), "pm_shrinking_visa", "visa", "4242", 12, 2030);
        for (int member = 1; member <= 11; member++) {
            testData.member(team.workspaceId(), "shrinking-member-" + member, com.subscriptionbff.db.enums.MemberRole.MEMBER,
                    Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(member)));
        }
        String id = workspaceId(team.workspaceId());
        String starter = as("shrinking-owner").document("{ plans { id code } }").execute()
                .path("plans[?(@.code == 'team-starter')].id").entityList(String.class).get().getFirst();
        var scheduled = mutate("shrinking-owner", "changePlan", "ChangePlanInput", Map.of("workspaceId", id,
                "planId", starter, "idempotencyKey", key()), "subscription { scheduledChange { effectiveAt } }");
        String effectiveAt = scheduled.path("changePlan.subscription.scheduledChange.effectiveAt").entity(String.class)
                .get();

        assertThat(advanceClock(id).body()).contains("renewed, invoice paid");
        var renewed = as("shrinking-owner").document("""
                query($id: ID!) { workspace(id: $id) {
                  subscription { plan { code } currentPeriod { start } scheduledChange { effectiveAt } }
                  seats { used total holders(first: 20) { totalCount } deactivatedAtRenewals { displayName } }
                } }""").variable("id", id).execute();
        renewed.path("workspace.subscription.plan.code").entity(String.class).isEqualTo("team-starter");
        renewed.path("workspace.subscription.currentPeriod.start").entity(String.class).isEqualTo(effectiveAt);
        renewed.path("workspace.subscription.scheduledChange").valueIsNull();
        renewed.path("workspace.seats.used").entity(Integer.class).isEqualTo(10);
        renewed.path("workspace.seats.total").entity(Integer.class).isEqualTo(10);
        // the owner and members 1 to 9 keep their seat; 10 and 11, the last to join, lost it
        renewed.path("workspace.seats.holders.totalCount").entity(Integer.class).isEqualTo(10);
        assertThat(renewed.path("workspace.seats.deactivatedAtRenewals[*].displayName").entityList(String.class).get())
                .containsExactlyInAnyOrder("shrinking-member-11", "shrinking-member-10");
    }

    @Test
    void theNewScheduleEventArrivingAfterTheDowngradeWasRecordedLeavesTheDowngradeShown() {
        Subscribed team = testData.subscribed("Late Event GmbH", "late-event-owner", "team-pro", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        String id = workspaceId(team.workspaceId());
        String starter = as("late-event-owner").document("{ plans { id code } }").execute()
                .path("plans[?(@.code == 'team-starter')].id").entityList(String.class).get().getFirst();
        // the events wait until the downgrade is recorded from Stripe's answers, in the same second
        stripe.deliverEventsTo(null);
        try {
            as("late-event-owner").document("mutation($input: ChangePlanInput!) { changePlan(input: $input) { "
                            + "subscription { scheduledChange { plan { code } } } userErrors { code } } }")
                    .variable("input", Map.of("workspaceId", id, "planId", starter, "idempotencyKey", key()))
                    .execute()
                    .path("changePlan.subscription.scheduledChange.plan.code").entity(String.class)
                    .isEqualTo("team-starter");
        } finally {
            stripe.deliverEventsTo(URI.create("http://127.0.0.1:" + port + StripeWebhookController.PATH));
        }
        // subscription_schedule.created carries the new schedule with its one phase: no change after it
        stripe.redeliverLast("subscription_schedule.created");
        settle();
        as("late-event-owner").document("query($id: ID!) { workspace(id: $id) { subscription { "
                        + "scheduledChange { plan { code } } } } }").variable("id", id).execute()
                .path("workspace.subscription.scheduledChange.plan.code").entity(String.class).isEqualTo("team-starter");
    }
}
