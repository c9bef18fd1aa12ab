package com.subscriptionbff.subscription;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Upgrade my plan" from the Free plan: Checkout in subscription mode through the local Stripe, and the subscription
 * written once from checkout.session.completed, whatever arrives twice or late.
 */
@TestPropertySource(properties = {"bff.demo.stripe-emulator-events=true", "bff.demo.bulk-workspaces=0",
        "bff.catalog.contact-sales-plans=enterprise"})
class SubscribeIT extends IntegrationTest {

    private static final String RETURN_URL = "https://app.example.com/billing";

    private String planId(String user, String code) {
        return as(user).document("{ plans { id code selfServe contactSalesUrl } }").execute()
                .path("plans[?(@.code == '" + code + "')].id").entityList(String.class).get().getFirst();
    }

    private GraphQlTester.Response subscribe(String user, UUID workspace, String plan, String interval, int seats,
                                             String returnUrl) {
        Map<String, Object> input = new HashMap<>(Map.of("workspaceId", workspaceId(workspace), "planId", plan,
                "billingInterval", interval, "extraSeats", seats, "returnUrl", returnUrl,
                "idempotencyKey", UUID.randomUUID().toString()));
        return as(user).document("""
                mutation($input: SubscribeInput!) { subscribe(input: $input) { checkoutUrl
                  preview { plan { code } billingInterval amountDue { amount } recurringTotal { amount } }
                  userErrors { code field message } } }""").variable("input", input).execute();
    }

    private GraphQlTester.Response page(String user, UUID workspace) {
        return as(user).document("""
                query($id: ID!) { workspace(id: $id) {
                  subscription { status plan { code } billingInterval customization { extraSeats } }
                  invoices(first: 5) { totalCount edges { node { status total { amount } } } } } }""")
                .variable("id", workspaceId(workspace)).execute();
    }

    private void settle() throws InterruptedException {
        assertThat(stripe.awaitEventsDelivered(Duration.ofSeconds(20))).isTrue();
    }

    private static HttpResponse<String> pay(String checkoutUrl, String card) throws Exception {
        try (HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return browser.send(HttpRequest.newBuilder(URI.create(checkoutUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("action=pay&card=" + card)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aWorkspaceWithoutSubscriptionPaysAtCheckoutAndItsSubscriptionAppearsOnceEvenWhenTheEventComesAgainLate()
            throws Exception {
        UUID workspace = testData.workspace("Newcomer GmbH", "Europe/Berlin", "newcomer-owner");
        String pro = planId("newcomer-owner", "team-pro");

        var started = subscribe("newcomer-owner", workspace, pro, "MONTH", 2, RETURN_URL);
        started.path("subscribe.userErrors").entityList(Object.class).hasSize(0);
        // Team Pro at 399.00 and two extra seats at 12.00: 423.00 now, then each month
        started.path("subscribe.preview.amountDue.amount").entity(String.class).isEqualTo("423.00");
        started.path("subscribe.preview.recurringTotal.amount").entity(String.class).isEqualTo("423.00");
        String checkoutUrl = started.path("subscribe.checkoutUrl").entity(String.class).get();
        assertThat(checkoutUrl).startsWith(stripe.apiBase() + "/checkout/");

        // nothing before the payment
        settle();
        page("newcomer-owner", workspace).path("workspace.subscription").valueIsNull();

        assertThat(pay(checkoutUrl, "4242424242424242").statusCode()).isEqualTo(303);
        settle();
        var subscribed = page("newcomer-owner", workspace);
        subscribed.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        subscribed.path("workspace.subscription.plan.code").entity(String.class).isEqualTo("team-pro");
        subscribed.path("workspace.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(2);
        subscribed.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(1);
        subscribed.path("workspace.invoices.edges[0].node.total.amount").entity(String.class).isEqualTo("423.00");

        // a change, then checkout.session.completed again (late): the change stays, nothing is added
        stripe.redeliverLast("checkout.session.completed");
        settle();
        var again = page("newcomer-owner", workspace);
        again.path("workspace.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(2);
        again.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(1);

        // subscribed now: subscribing again is refused
        subscribe("newcomer-owner", workspace, pro, "MONTH", 0, RETURN_URL)
                .path("subscribe.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_SUBSCRIBED");
    }

    @Test
    void enterpriseIsSoldByTheSalesTeamAndOtherChoicesAreRefusedWithTheirReason() {
        UUID workspace = testData.workspace("Chooser SA", "Europe/Paris", "chooser-owner");
        as("chooser-owner").document("{ plans { code selfServe contactSalesUrl } }").execute()
                .path("plans[?(@.code == 'enterprise')].selfServe").entityList(Boolean.class).containsExactly(false)
                .path("plans[?(@.code == 'enterprise')].contactSalesUrl").entityList(String.class).hasSize(1)
                .path("plans[?(@.code == 'team-pro')].selfServe").entityList(Boolean.class).containsExactly(true);

        subscribe("chooser-owner", workspace, planId("chooser-owner", "enterprise"), "MONTH", 0, RETURN_URL)
                .path("subscribe.userErrors[0].code").entity(String.class).isEqualTo("PLAN_UNAVAILABLE");
        subscribe("chooser-owner", workspace, planId("chooser-owner", "free"), "MONTH", 0, RETURN_URL)
                .path("subscribe.userErrors[0].code").entity(String.class).isEqualTo("PLAN_UNAVAILABLE");
        subscribe("chooser-owner", workspace, planId("chooser-owner", "team-starter"), "MONTH", 1_000, RETURN_URL)
                .path("subscribe.userErrors[0].code").entity(String.class).isEqualTo("ABOVE_PLAN_LIMIT");
        subscribe("chooser-owner", workspace, planId("chooser-owner", "team-starter"), "MONTH", 0,
                "https://evil.example.com/")
                .path("subscribe.userErrors[0].code").entity(String.class).isEqualTo("RETURN_URL_NOT_ALLOWED");
        assertThat(stripe.executedWrites("/v1/checkout/sessions")).noneMatch(request ->
                workspace.toString().equals(request.params().get("client_reference_id")));

        // nor does a subscribed workspace change to it
        var team = testData.subscribed("Growing SA", "growing-owner", "team-pro", BillingInterval.MONTH, 0, 0,
                SubscriptionStatus.ACTIVE);
        as("growing-owner").document("""
                mutation($input: ChangePlanInput!) { changePlan(input: $input) { userErrors { code message } } }""")
                .variable("input", Map.of("workspaceId", workspaceId(team.workspaceId()),
                        "planId", planId("growing-owner", "enterprise"), "idempotencyKey", UUID.randomUUID().toString()))
                .execute().path("changePlan.userErrors[0].code").entity(String.class).isEqualTo("PLAN_UNAVAILABLE");
    }

    @Test
    void aTrialingWorkspaceAddsACardInsteadAndAMemberCannotSubscribe() {
        var trial = testData.subscribed("Trialing BV", "trialing-owner", "team-starter", BillingInterval.MONTH, 0, 0,
                SubscriptionStatus.TRIALING);
        subscribe("trialing-owner", trial.workspaceId(), planId("trialing-owner", "team-pro"), "MONTH", 0, RETURN_URL)
                .path("subscribe.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_SUBSCRIBED");
        testData.member(trial.workspaceId(), "trialing-member", com.subscriptionbff.db.enums.MemberRole.MEMBER);
        assertThat(onlyErrorType(subscribe("trialing-member", trial.workspaceId(),
                planId("trialing-member", "team-pro"), "MONTH", 0, RETURN_URL))).isEqualTo("FORBIDDEN");
    }
}
