package com.subscriptionbff.stripe;

import com.stripe.Stripe;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.db.enums.StripeEventStatus;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import com.subscriptionbff.demo.stripe.StripeEmulator;
import com.subscriptionbff.support.TestData.Subscribed;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;

import static com.subscriptionbff.db.Tables.STRIPE_EVENTS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** What Stripe did while its events were lost comes back: on demand for one workspace, and on a schedule, once. */
class StripeReconcilerIT extends IntegrationTest {

    @Autowired
    DSLContext db;

    @Autowired
    StripeReconciler reconciler;

    @Autowired
    javax.sql.DataSource dataSource;

    private static final String OVERVIEW = """
            query($id: ID!) { workspace(id: $id) {
              subscription { currentPeriod { start end } }
              paymentMethod { brand last4 expMonth expYear }
              invoices { totalCount edges { node { status total { amount } } } }
              seats { used total deactivatedAtRenewals { displayName } } } }""";

    @Test
    void staffRepairARenewalWhoseEventsNeverArrived() {
        Subscribed team = testData.subscribed("Lost Events SARL", "lost-owner", "team-starter", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        for (int i = 1; i <= 11; i++) {
            testData.member(team.workspaceId(), "lost-member-" + i, MemberRole.MEMBER,
                    Instant.parse("2026-02-01T00:00:00Z").plus(Duration.ofDays(i)));
        }
        stripe.defaultCard(team.customerId(), "pm_lost_visa", "visa", "4242", 12, 2030);
        stripe.renew(team.subscriptionId());

        // only staff run it; owners and members cannot
        String mutation = "mutation($id: ID!) { reconcileWithStripe(input: {workspaceId: $id}) { userErrors { code } } }";
        assertThat(onlyErrorType(as("lost-owner").document(mutation).variable("id", workspaceId(team.workspaceId()))
                .execute())).isEqualTo("FORBIDDEN");
        as(DemoData.STAFF).document(mutation).variable("id", workspaceId(team.workspaceId())).execute()
                .path("reconcileWithStripe.userErrors").entityList(Object.class).hasSize(0);

        var page = as("lost-owner").document(OVERVIEW).variable("id", workspaceId(team.workspaceId())).execute();
        page.path("workspace.subscription.currentPeriod.start").entity(Instant.class)
                .isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        page.path("workspace.paymentMethod.brand").entity(String.class).isEqualTo("Visa");
        page.path("workspace.paymentMethod.last4").entity(String.class).isEqualTo("4242");
        page.path("workspace.invoices.totalCount").entity(Integer.class).isEqualTo(1);
        page.path("workspace.invoices.edges[0].node.status").entity(String.class).isEqualTo("PAID");
        page.path("workspace.invoices.edges[0].node.total.amount").entity(String.class).isEqualTo("159.00");
        // 12 members on 10 seats: the renewal deactivated the two most recently added
        page.path("workspace.seats.used").entity(Integer.class).isEqualTo(10);
        assertThat(page.path("workspace.seats.deactivatedAtRenewals[*].displayName").entityList(String.class).get())
                .containsExactlyInAnyOrder("lost-member-10", "lost-member-11");
    }

    @Test
    void twoInstancesRunTheScheduledPassOnceAndItCompletesAFailedEventAndAnOverdueRenewal() throws Exception {
        // an event that failed: its customer was not known yet
        String payload = """
                {"id":"evt_reconcile_late","object":"event","api_version":"%s","created":%d,"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"invoice.finalized",
                 "data":{"object":{"id":"in_reconcile_late","object":"invoice","customer":"cus_reconcile_late",
                   "number":"LATE-1","status":"open","total":15900,"currency":"eur","created":1763200000,
                   "period_start":1763200000,"period_end":1765792000}}}"""
                .formatted(Stripe.API_VERSION, Instant.now().getEpochSecond());
        assertThat(deliver(payload).statusCode()).isEqualTo(500);
        testData.workspace("Reconcile Late Oy", "Europe/Helsinki", "reconcile-late-owner");
        db.execute("update workspaces set stripe_customer_id = 'cus_reconcile_late' where name = 'Reconcile Late Oy'");
        db.update(STRIPE_EVENTS).set(STRIPE_EVENTS.RECEIVED_AT, NOW.minus(Duration.ofMinutes(5)))
                .where(STRIPE_EVENTS.ID.eq("evt_reconcile_late")).execute();

        // a subscription whose period ended a month ago without a renewal event
        Subscribed overdue = testData.subscribed("Overdue Renewal AB", "overdue-owner", "team-starter",
                BillingInterval.MONTH, 0, 0, SubscriptionStatus.ACTIVE);
        db.update(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.CURRENT_PERIOD_START, Instant.parse("2026-09-20T10:00:00Z"))
                .set(SUBSCRIPTIONS.CURRENT_PERIOD_END, Instant.parse("2026-10-20T10:00:00Z"))
                .where(SUBSCRIPTIONS.WORKSPACE_ID.eq(overdue.workspaceId())).execute();
        stripe.subscription(overdue.subscriptionId(), overdue.customerId(), "active",
                Instant.parse("2026-10-20T10:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"), null, null,
                java.util.Map.of("price_team_starter_monthly", 1L));

        String url = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
        try (var second = new SpringApplicationBuilder(com.subscriptionbff.SubscriptionBffApplication.class)
                .run("--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--bff.demo.enabled=true",
                        "--bff.clock.fixed=" + NOW, "--bff.stripe.reconcile.every=PT24H",
                        "--bff.stripe.secret-key=sk_test_emulator", "--bff.stripe.api-base=" + stripe.apiBase(),
                        "--bff.stripe.max-network-retries=0", "--bff.stripe.webhook-secret=" + STRIPE_WEBHOOK_SECRET);
             var bothAtOnce = Executors.newFixedThreadPool(2)) {
            StripeReconciler secondReconciler = second.getBean(StripeReconciler.class);
            var first = bothAtOnce.submit(reconciler::reconcileDue);
            var other = bothAtOnce.submit(secondReconciler::reconcileDue);
            first.get();
            other.get();
            double runs = meters.counter("bff.stripe.reconciler.runs").count()
                    + second.getBean(MeterRegistry.class).counter("bff.stripe.reconciler.runs").count();
            assertThat(runs).isEqualTo(1);
        }
        assertThat(db.fetchValue(STRIPE_EVENTS.STATUS, STRIPE_EVENTS.ID.eq("evt_reconcile_late")))
                .isEqualTo(StripeEventStatus.PROCESSED);
        assertThat(db.fetchValue(SUBSCRIPTIONS.CURRENT_PERIOD_END, SUBSCRIPTIONS.WORKSPACE_ID.eq(overdue.workspaceId())))
                .isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    private static String event(String id, String type, String object) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s","data":{"object":%s}}"""
                .formatted(id, Stripe.API_VERSION, Instant.now().getEpochSecond(), type, object);
    }

    @Test
    void aNewDefaultCardSetInThePortalShowsOnTheOverview() throws Exception {
        Subscribed team = testData.subscribed("Portal Card SpA", "portal-owner", "team-starter", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        stripe.defaultCard(team.customerId(), "pm_portal_mc", "mastercard", "5454", 3, 2031);
        String customer = """
                {"id":"%s","object":"customer","invoice_settings":{"default_payment_method":"pm_portal_mc",
                 "custom_fields":null,"footer":null,"rendering_options":null}}""".formatted(team.customerId());
        assertThat(deliver(event("evt_customer_card", "customer.updated", customer)).statusCode()).isEqualTo(200);
        var page = as("portal-owner").document(OVERVIEW).variable("id", workspaceId(team.workspaceId())).execute();
        page.path("workspace.paymentMethod.brand").entity(String.class).isEqualTo("Mastercard");
        page.path("workspace.paymentMethod.last4").entity(String.class).isEqualTo("5454");
    }

    @Test
    void aScheduleReleasedInStripeClearsTheScheduledChange() throws Exception {
        Subscribed team = testData.subscribed("Released Schedule NV", "released-owner", "team-pro",
                BillingInterval.MONTH, 0, 0, SubscriptionStatus.ACTIVE);
        String starter = as("released-owner").document("{ plans { id code } }").execute()
                .path("plans[?(@.code == 'team-starter')].id").entityList(String.class).get().getFirst();
        as("released-owner").document("""
                mutation($id: ID!, $plan: ID!) { changePlan(input: {workspaceId: $id, planId: $plan,
                  idempotencyKey: "downgrade-0001"}) { subscription { scheduledChange { plan { code } } } } }""")
                .variable("id", workspaceId(team.workspaceId())).variable("plan", starter).execute()
                .path("changePlan.subscription.scheduledChange.plan.code").entity(String.class).isEqualTo("team-starter");
        String scheduleId = db.fetchValue(SUBSCRIPTIONS.STRIPE_SCHEDULE_ID,
                SUBSCRIPTIONS.WORKSPACE_ID.eq(team.workspaceId()));
        String schedule = """
                {"id":"%s","object":"subscription_schedule","customer":"%s","status":"released","phases":[],
                 "released_subscription":"%s","subscription":null}"""
                .formatted(scheduleId, team.customerId(), team.subscriptionId());
        assertThat(deliver(event("evt_schedule_released", "subscription_schedule.released", schedule)).statusCode())
                .isEqualTo(200);
        as("released-owner").document("query($id: ID!) { workspace(id: $id) { subscription { scheduledChange { "
                        + "effectiveAt } } } }").variable("id", workspaceId(team.workspaceId())).execute()
                .path("workspace.subscription.scheduledChange").valueIsNull();
    }

    @Test
    void trialWillEndRefreshesTheTrialFromStripe() throws Exception {
        Subscribed team = testData.subscribed("Trial Ending GmbH", "trial-owner", "team-starter", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.TRIALING);
        // Stripe shortened the trial: it now ends in three days
        long start = NOW.minus(Duration.ofDays(10)).getEpochSecond();
        long trialEnd = NOW.plus(Duration.ofDays(3)).getEpochSecond();
        String subscription = """
                {"id":"%s","object":"subscription","customer":"%s","status":"trialing","cancel_at_period_end":false,
                 "canceled_at":null,"ended_at":null,"trial_start":%d,"trial_end":%d,"schedule":null,
                 "cancellation_details":{"comment":null,"feedback":null,"reason":null},
                 "items":{"object":"list","has_more":false,"url":"/v1/subscription_items","data":[
                   {"id":"si_trial","object":"subscription_item","quantity":1,
                    "price":{"id":"price_team_starter_monthly","object":"price"},
                    "current_period_start":%d,"current_period_end":%d}]}}"""
                .formatted(team.subscriptionId(), team.customerId(), start, trialEnd, start, trialEnd);
        assertThat(deliver(event("evt_trial_will_end", "customer.subscription.trial_will_end", subscription))
                .statusCode()).isEqualTo(200);
        var page = as("trial-owner").document("query($id: ID!) { workspace(id: $id) { subscription { "
                + "trial { active daysLeft endsAt } nextBillingDate } } }")
                .variable("id", workspaceId(team.workspaceId())).execute();
        page.path("workspace.subscription.trial.daysLeft").entity(Integer.class).isEqualTo(3);
        page.path("workspace.subscription.nextBillingDate").entity(Instant.class)
                .isEqualTo(Instant.ofEpochSecond(trialEnd));
    }

    @Test
    void aSwitchToAnnualBillingRestartsThePeriodWithoutBeingTakenForARenewal() throws Exception {
        Subscribed team = testData.subscribed("Mid Period Switch AS", "switch-owner", "team-starter",
                BillingInterval.MONTH, 0, 0, SubscriptionStatus.ACTIVE);
        for (int i = 1; i <= 11; i++) {
            testData.member(team.workspaceId(), "switch-member-" + i, MemberRole.MEMBER);
        }
        long start = NOW.getEpochSecond();
        long end = NOW.atOffset(java.time.ZoneOffset.UTC).plusYears(1).toEpochSecond();
        String annual = """
                {"id":"%s","object":"subscription","customer":"%s","status":"active","cancel_at_period_end":false,
                 "canceled_at":null,"ended_at":null,"trial_start":null,"trial_end":null,"schedule":null,
                 "cancellation_details":{"comment":null,"feedback":null,"reason":null},
                 "items":{"object":"list","has_more":false,"url":"/v1/subscription_items","data":[
                   {"id":"si_switch","object":"subscription_item","quantity":1,
                    "price":{"id":"price_team_starter_annual","object":"price"},
                    "current_period_start":%d,"current_period_end":%d}]}}"""
                .formatted(team.subscriptionId(), team.customerId(), start, end, start, end);
        assertThat(deliver(event("evt_switch_annual", "customer.subscription.updated", annual)).statusCode())
                .isEqualTo(200);
        var page = as("switch-owner").document("query($id: ID!) { workspace(id: $id) { "
                        + "subscription { billingInterval } seats { used total overLimit } } }")
                .variable("id", workspaceId(team.workspaceId())).execute();
        page.path("workspace.subscription.billingInterval").entity(String.class).isEqualTo("YEAR");
        // 12 members on 10 seats stay until a real renewal
        page.path("workspace.seats.used").entity(Integer.class).isEqualTo(12);
        page.path("workspace.seats.overLimit").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aSubscriptionThatEndedLeavesTheWorkspaceOnTheFreePlanWithItsPurchasedCredits() throws Exception {
        Subscribed team = testData.subscribed("Ended Credits Kft", "ended-owner", "team-starter", BillingInterval.MONTH,
                0, 0, SubscriptionStatus.ACTIVE);
        db.insertInto(com.subscriptionbff.db.Tables.CREDIT_BALANCES)
                .set(com.subscriptionbff.db.Tables.CREDIT_BALANCES.WORKSPACE_ID, team.workspaceId())
                .set(com.subscriptionbff.db.Tables.CREDIT_BALANCES.PURCHASED_REMAINING, 3_000_000L).execute();
        long start = NOW.minus(Duration.ofDays(40)).getEpochSecond();
        long end = NOW.minus(Duration.ofDays(10)).getEpochSecond();
        String ended = """
                {"id":"%s","object":"subscription","customer":"%s","status":"canceled","cancel_at_period_end":false,
                 "canceled_at":%d,"ended_at":%d,"trial_start":null,"trial_end":null,"schedule":null,
                 "cancellation_details":{"comment":null,"feedback":"too_expensive","reason":"cancellation_requested"},
                 "items":{"object":"list","has_more":false,"url":"/v1/subscription_items","data":[
                   {"id":"si_ended","object":"subscription_item","quantity":1,
                    "price":{"id":"price_team_starter_monthly","object":"price"},
                    "current_period_start":%d,"current_period_end":%d}]}}"""
                .formatted(team.subscriptionId(), team.customerId(), start, end, start, end);
        assertThat(deliver(event("evt_subscription_ended", "customer.subscription.deleted", ended)).statusCode())
                .isEqualTo(200);
        var page = as("ended-owner").document("query($id: ID!) { workspace(id: $id) { "
                + "subscription { status plan { code } endsAt currentPeriod { start } } "
                + "credits { includedMonthly purchasedRemaining } } }")
                .variable("id", workspaceId(team.workspaceId())).execute();
        page.path("workspace.subscription.plan.code").entity(String.class).isEqualTo("free");
        page.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        page.path("workspace.subscription.endsAt").valueIsNull();
        page.path("workspace.subscription.currentPeriod.start").entity(Instant.class).isEqualTo(Instant.ofEpochSecond(end));
        // the Free plan's monthly credits; the purchased ones never expire
        page.path("workspace.credits.includedMonthly").entity(Long.class).isEqualTo(1_000_000L);
        page.path("workspace.credits.purchasedRemaining").entity(Long.class).isEqualTo(3_000_000L);

        // the same event again, or a late one of the ended subscription, changes nothing
        assertThat(deliver(event("evt_subscription_ended_again", "customer.subscription.deleted", ended)).statusCode())
                .isEqualTo(200);
        as("ended-owner").document("query($id: ID!) { workspace(id: $id) { subscription { plan { code } status } } }")
                .variable("id", workspaceId(team.workspaceId())).execute()
                .path("workspace.subscription.plan.code").entity(String.class).isEqualTo("free");
    }

    private HttpResponse<String> deliver(String payload) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(STRIPE_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stripe/webhooks"))
                    .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
