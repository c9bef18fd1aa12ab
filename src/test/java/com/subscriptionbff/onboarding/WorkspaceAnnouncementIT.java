package com.subscriptionbff.onboarding;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.demo.stripe.StripeEmulator.Fault;
import com.subscriptionbff.demo.stripe.StripeEmulator.Received;
import com.subscriptionbff.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.subscriptionbff.db.Tables.WORKSPACES;
import static org.assertj.core.api.Assertions.assertThat;

/** The product's services announce a new workspace: it starts on a 14-day trial of Team Starter, without a card. */
class WorkspaceAnnouncementIT extends IntegrationTest {

    private static final String TRIAL_END = NOW.plus(Duration.ofDays(14)).toString();

    @Autowired
    private DSLContext db;

    private static String announcement(UUID workspace, String name, String ownerId) {
        return "{\"workspaceId\":\"" + workspace + "\",\"name\":\"" + name + "\",\"timeZone\":\"Europe/Paris\","
                + "\"owner\":{\"userId\":\"" + ownerId + "\",\"email\":\"" + ownerId + "@example.com\","
                + "\"displayName\":\"Ada Lovelace\"}}";
    }

    private HttpResponse<String> announce(String token, String body) throws Exception {
        return postJson("/internal/workspaces", token, body);
    }

    private String service() {
        return tokens.issueService("accounts-service", "workspaces:announce");
    }

    private String customerOf(UUID workspace) {
        return db.select(WORKSPACES.STRIPE_CUSTOMER_ID).from(WORKSPACES).where(WORKSPACES.ID.eq(workspace))
                .fetchSingle(WORKSPACES.STRIPE_CUSTOMER_ID);
    }

    /** Stripe writes sent for the workspace (their idempotency keys name it), replays included. */
    private List<Received> stripeWritesFor(UUID workspace) {
        return stripe.received("/v1/").stream().filter(r -> r.method().equals("POST"))
                .filter(r -> r.idempotencyKey() != null && r.idempotencyKey().contains(workspace.toString())).toList();
    }

    private String demoAnnouncerToken() throws Exception {
        String page;
        try (HttpClient client = HttpClient.newHttpClient()) {
            page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/demo/tokens")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        Matcher announcer = Pattern.compile("\"user\":\"" + DemoData.WORKSPACE_ANNOUNCER + "\",\"token\":\"([^\"]+)\"")
                .matcher(page);
        assertThat(announcer.find()).as("a workspace announcer token on /demo/tokens").isTrue();
        return announcer.group(1);
    }

    @Test
    void theOwnerOfAnAnnouncedWorkspaceSeesATrialOfFourteenDaysWithoutACard() throws Exception {
        UUID workspace = UUID.randomUUID();
        var announced = announce(demoAnnouncerToken(), announcement(workspace, "Acme Labs", "ada-" + workspace));
        assertThat(announced.statusCode()).isEqualTo(201);
        assertThat(announced.body()).isEqualTo("{\"workspaceId\":\"" + workspace + "\",\"graphqlId\":\""
                + workspaceId(workspace) + "\",\"subscriptionStatus\":\"TRIALING\",\"trialEnd\":\"" + TRIAL_END + "\"}");

        var page = as("ada-" + workspace).document("""
                        query($id: ID!) { workspace(id: $id) { name timeZone viewerRole viewerCanManageBilling
                          paymentMethod { brand }
                          subscription { status plan { code } paymentRequired trial { active daysLeft endsAt } } } }""")
                .variable("id", workspaceId(workspace)).execute();
        page.path("workspace.name").entity(String.class).isEqualTo("Acme Labs");
        page.path("workspace.timeZone").entity(String.class).isEqualTo("Europe/Paris");
        page.path("workspace.viewerRole").entity(String.class).isEqualTo("OWNER");
        page.path("workspace.viewerCanManageBilling").entity(Boolean.class).isEqualTo(true);
        page.path("workspace.paymentMethod").valueIsNull();
        page.path("workspace.subscription.status").entity(String.class).isEqualTo("TRIALING");
        page.path("workspace.subscription.plan.code").entity(String.class).isEqualTo("team-starter");
        page.path("workspace.subscription.paymentRequired").entity(Boolean.class).isEqualTo(false);
        page.path("workspace.subscription.trial.active").entity(Boolean.class).isEqualTo(true);
        page.path("workspace.subscription.trial.daysLeft").entity(Integer.class).isEqualTo(14);
        page.path("workspace.subscription.trial.endsAt").entity(String.class).isEqualTo(TRIAL_END);

        String customer = customerOf(workspace);
        Map<String, String> customerParams = stripe.executedWrites("/v1/customers").stream()
                .filter(r -> r.idempotencyKey().contains(workspace.toString())).findFirst().orElseThrow().params();
        assertThat(customerParams).containsEntry("metadata[workspace_id]", workspace.toString())
                .containsEntry("name", "Acme Labs").containsEntry("email", "ada-" + workspace + "@example.com");
        Map<String, String> trial = stripe.executedWrites("/v1/subscriptions").stream()
                .filter(r -> r.idempotencyKey().contains(workspace.toString())).findFirst().orElseThrow().params();
        assertThat(trial).containsEntry("customer", customer)
                .containsEntry("items[0][price]", "price_team_starter_monthly")
                .containsEntry("trial_period_days", "14")
                .containsEntry("trial_settings[end_behavior][missing_payment_method]", "cancel")
                .containsEntry("payment_settings[save_default_payment_method]", "on_subscription")
                .doesNotContainKey("default_payment_method");
        assertThat(stripe.subscriptionsOf(customer)).hasSize(1);
    }

    @Test
    void theSameAnnouncementTwiceAnswersTheSameAndSendsNothingNewToStripe() throws Exception {
        UUID workspace = UUID.randomUUID();
        String body = announcement(workspace, "Twice Inc", "twice-" + workspace);
        var first = announce(service(), body);
        int writesAfterFirst = stripeWritesFor(workspace).size();
        var second = announce(service(), body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(writesAfterFirst).isEqualTo(2);
        assertThat(stripeWritesFor(workspace)).as("nothing sent to Stripe the second time").hasSize(2);
        assertThat(stripe.subscriptionsOf(customerOf(workspace))).hasSize(1);
    }

    @Test
    void theSameWorkspaceIdWithAnotherNameIsAConflictThatChangesNothing() throws Exception {
        UUID workspace = UUID.randomUUID();
        assertThat(announce(service(), announcement(workspace, "First Name", "first-" + workspace)).statusCode())
                .isEqualTo(201);

        var other = announce(service(), announcement(workspace, "Another Name", "first-" + workspace));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("\"field\":\"workspaceId\"").contains("already announced with another name");
        assertThat(db.select(WORKSPACES.NAME).from(WORKSPACES).where(WORKSPACES.ID.eq(workspace))
                .fetchSingle(WORKSPACES.NAME)).isEqualTo("First Name");
        assertThat(stripeWritesFor(workspace)).hasSize(2);

        var demoWorkspace = announce(service(), announcement(DemoData.GLOBEX, "Globex", "someone-" + workspace));
        assertThat(demoWorkspace.statusCode()).as("a workspace that exists and was never announced").isEqualTo(409);
        var takenEmail = "{\"workspaceId\":\"" + UUID.randomUUID() + "\",\"name\":\"X\",\"timeZone\":\"UTC\","
                + "\"owner\":{\"userId\":\"new-" + workspace + "\",\"email\":\"first-" + workspace
                + "@example.com\",\"displayName\":\"X\"}}";
        var taken = announce(service(), takenEmail);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("\"field\":\"owner.email\"");
    }

    @Test
    void onlyAServiceCredentialWithTheAnnounceScopeMayAnnounce() throws Exception {
        UUID workspace = UUID.randomUUID();
        String body = announcement(workspace, "Nope", "nope-" + workspace);
        assertThat(announce(tokens.issue(DemoData.OWNER), body).statusCode()).isEqualTo(403);
        assertThat(announce(tokens.issueService("inference-service", "credits:record"), body).statusCode())
                .isEqualTo(403);
        assertThat(announce(null, body).statusCode()).isEqualTo(401);
        assertThat(stripeWritesFor(workspace)).isEmpty();
        assertThat(db.fetchExists(WORKSPACES, WORKSPACES.ID.eq(workspace))).isFalse();
    }

    @Test
    void aMalformedAnnouncementIsRefusedNamingTheField() throws Exception {
        UUID workspace = UUID.randomUUID();
        String valid = announcement(workspace, "Valid", "valid-" + workspace);
        Map<String, String> fieldByBody = Map.of(
                valid.replace(workspace.toString(), "not-a-uuid"), "workspaceId",
                valid.replace("Europe/Paris", "Mars/Olympus_Mons"), "timeZone",
                valid.replace("\"Valid\"", "\"  \""), "name",
                valid.replace("\"Valid\"", "{\"text\":\"Valid\"}"), "name",
                valid.replace("valid-" + workspace + "@example.com", "nobody"), "owner.email",
                valid.replace("\"displayName\":\"Ada Lovelace\"", "\"displayName\":[\"Ada\"]"), "owner.displayName",
                "{\"workspaceId\":\"" + workspace + "\",\"name\":\"Valid\",\"timeZone\":\"UTC\"}", "owner");
        for (var entry : fieldByBody.entrySet()) {
            var refused = announce(service(), entry.getKey());
            assertThat(refused.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(refused.body()).as(entry.getKey()).contains("\"field\":\"" + entry.getValue() + "\"");
        }
        var notJson = announce(service(), "{\"workspaceId\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("must be a JSON object");
        assertThat(stripeWritesFor(workspace)).isEmpty();
        assertThat(db.fetchExists(WORKSPACES, WORKSPACES.ID.eq(workspace))).isFalse();
    }

    @Test
    void whenStripeFailsTheAnnouncementIsRetryableAndTheRetryCompletesItOnce() throws Exception {
        UUID workspace = UUID.randomUUID();
        String body = announcement(workspace, "Flaky Stripe", "flaky-" + workspace);
        stripe.failNext("/v1/subscriptions", Fault.SERVER_ERROR);

        var failed = announce(service(), body);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(failed.body()).contains("\"retryable\":true");

        var retried = announce(service(), body);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.body()).contains("\"subscriptionStatus\":\"TRIALING\"");
        assertThat(stripe.executedWrites("/v1/customers").stream()
                .filter(r -> r.idempotencyKey().contains(workspace.toString()))).hasSize(1);
        assertThat(stripe.subscriptionsOf(customerOf(workspace))).hasSize(1);
        as("flaky-" + workspace).document("query($id: ID!) { workspace(id: $id) { subscription { status } } }")
                .variable("id", workspaceId(workspace)).execute()
                .path("workspace.subscription.status").entity(String.class).isEqualTo("TRIALING");
    }
}
