package com.subscriptionbff.workspace;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets what: every field of the Overview, for every role, for staff, for a former member, for a stranger and
 * for an unknown user. Strangers get NOT_FOUND, exactly as for a workspace that does not exist.
 */
class AccessMatrixIT extends IntegrationTest {

    /** Every Workspace field the Overview reads, one selection each. */
    static final List<String> WORKSPACE_FIELDS = List.of(
            "id name timeZone",
            "viewerRole viewerCanManageBilling",
            "subscription { id status plan { name } price { amount formatted(locale: \"fr-FR\") } trial { daysLeft } "
                    + "customization { hasAddOns } annualBillingOffer { savingsPercent } cancellation { reason } "
                    + "currentPeriod { end } nextBillingDate autoRenew paymentRequired }",
            "paymentMethod { brand last4 expMonth expYear expired }",
            "credits { used remaining total remainingPercent daily { date credits } }",
            "seats { used total usedPercent overLimit holders(first: 3) { totalCount edges { node { email role } } } "
                    + "deactivatedAtRenewals { email deactivatedAt } }",
            "invoices(first: 2, status: [PAID]) { totalCount edges { cursor node { number date statusLabel total { amount } "
                    + "period { start } download { pdfUrl hostedUrl } } } }",
            "creditPurchases(first: 2) { totalCount edges { node { date credits amount { amount } source sourceLabel } } }");

    enum Reader { OWNER, ADMIN, MEMBER, STAFF }

    enum Stranger { OUTSIDER, FORMER_MEMBER }

    static Stream<Arguments> readersAndFields() {
        return Stream.of(Reader.values()).flatMap(reader -> WORKSPACE_FIELDS.stream().map(f -> Arguments.of(reader, f)));
    }

    static Stream<Arguments> strangersAndFields() {
        return Stream.of(Stranger.values()).flatMap(s -> WORKSPACE_FIELDS.stream().map(f -> Arguments.of(s, f)));
    }

    private static String user(Enum<?> who) {
        return switch (who.name()) {
            case "OWNER" -> DemoData.OWNER;
            case "ADMIN" -> DemoData.ADMIN;
            case "MEMBER" -> DemoData.MEMBER;
            case "STAFF" -> DemoData.STAFF;
            case "OUTSIDER" -> DemoData.OUTSIDER;
            default -> DemoData.FORMER_MEMBER;
        };
    }

    private GraphQlTester.Response read(String userId, String fields) {
        return as(userId).document("query($id: ID!) { workspace(id: $id) { " + fields + " } }")
                .variable("id", workspaceId(DemoData.ACME)).execute();
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("readersAndFields")
    void membersAndStaffReadEveryField(Reader reader, String fields) {
        var response = read(user(reader), fields);
        response.errors().verify();
        response.path("workspace").hasValue();
        if (!fields.contains("viewerRole")) {
            // the same data as the owner sees, who reads Acme's exact figures in OverviewIT and InvoicesIT
            Object owners = read(DemoData.OWNER, fields).returnResponse().getData();
            assertThat((Object) response.returnResponse().getData()).isEqualTo(owners);
        }
    }

    @ParameterizedTest(name = "{0} gets NOT_FOUND for {1}")
    @MethodSource("strangersAndFields")
    void strangersGetNotFoundAndNoData(Stranger stranger, String fields) {
        var response = read(user(stranger), fields);
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND");
            assertThat(error.getPath()).isEqualTo("workspace");
        }));
        response.path("workspace").valueIsNull();
    }

    @Test
    void aWorkspaceThatDoesNotExistLooksExactlyLikeSomeoneElses() {
        var missing = as(DemoData.OUTSIDER).document("query($id: ID!) { workspace(id: $id) { name } }")
                .variable("id", workspaceId(java.util.UUID.randomUUID())).execute();
        var foreign = read(DemoData.OUTSIDER, "name");
        String missingMessage = missing.returnResponse().getErrors().getFirst().getMessage();
        String foreignMessage = foreign.returnResponse().getErrors().getFirst().getMessage();
        assertThat(missingMessage).isEqualTo(foreignMessage);
    }

    @Test
    void ownersAndAdminsMayManageBillingMembersMayOnlyRead() {
        read(DemoData.OWNER, "viewerRole viewerCanManageBilling").path("workspace.viewerCanManageBilling")
                .entity(Boolean.class).isEqualTo(true);
        read(DemoData.ADMIN, "viewerRole viewerCanManageBilling").path("workspace.viewerCanManageBilling")
                .entity(Boolean.class).isEqualTo(true);
        var member = read(DemoData.MEMBER, "viewerRole viewerCanManageBilling");
        member.path("workspace.viewerRole").entity(String.class).isEqualTo("MEMBER");
        member.path("workspace.viewerCanManageBilling").entity(Boolean.class).isEqualTo(false);
        var staff = read(DemoData.STAFF, "viewerRole viewerCanManageBilling");
        staff.path("workspace.viewerRole").valueIsNull();
        staff.path("workspace.viewerCanManageBilling").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void theOutsiderSeesTheirOwnWorkspaceOnly() {
        as(DemoData.OUTSIDER).document("{ viewer { workspaces { name } } }").execute()
                .path("viewer.workspaces[*].name").entityList(String.class).containsExactly("Wayne Enterprises");
        as(DemoData.FORMER_MEMBER).document("{ viewer { workspaces { name } } }").execute()
                .path("viewer.workspaces").entityList(Object.class).hasSize(0);
    }

    @Test
    void nodeFollowsTheSameRules() {
        String query = "query($id: ID!) { node(id: $id) { id ... on Workspace { name } } }";
        as(DemoData.MEMBER).document(query).variable("id", workspaceId(DemoData.ACME)).execute()
                .path("node.name").entity(String.class).isEqualTo("Acme Corp");
        as(DemoData.OUTSIDER).document(query).variable("id", workspaceId(DemoData.ACME)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
    }

    @Test
    void malformedIdsAreBadRequests() {
        for (String id : List.of("not-base64!", "", "V29ya3NwYWNlOm5vdC1hLXV1aWQ", workspaceIdOfType("Plan"))) {
            as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { name } }").variable("id", id).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        }
    }

    @Test
    void onlyStaffListAllWorkspaces() {
        as(DemoData.STAFF).document("{ workspaces(first: 5) { totalCount } }").execute()
                .path("workspaces.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThan(100));
        for (String user : List.of(DemoData.OWNER, DemoData.ADMIN, DemoData.MEMBER, DemoData.OUTSIDER)) {
            GraphQlResponse response = as(user).document("{ workspaces(first: 5) { totalCount } }").execute()
                    .returnResponse();
            assertThat(response.getErrors()).singleElement()
                    .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
            assertThat((Object) response.getData()).isNull();
        }
    }

    @Test
    void anIdHasOneSpellingTheSameIdPaddedIsABadRequest() {
        String id = workspaceId(DemoData.ACME);
        as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { name } }").variable("id", id).execute()
                .errors().verify().path("workspace.name").entity(String.class).isEqualTo("Acme Corp");
        for (String padded : List.of(id + "=", id + "==")) {
            var response = as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { name } }")
                    .variable("id", padded).execute();
            assertThat(onlyErrorType(response)).as(padded).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void aValidTokenForAnUnknownUserIsAViewerWithNoWorkspacesWhoReadsNothing() {
        as("nobody-we-know").document("{ viewer { displayName workspaces { id } } }").execute().errors().verify()
                .path("viewer.displayName").entity(String.class).isEqualTo("nobody-we-know")
                .path("viewer.workspaces").entityList(Object.class).hasSize(0);
        read("nobody-we-know", "name").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedBeforeGraphQl() throws Exception {
        String body = "{\"query\":\"{ viewer { id } }\"}";
        assertThat(post(body, null)).isEqualTo(401);
        assertThat(post(body, "Bearer not.a.token")).isEqualTo(401);
        String expired = tokens.issue(DemoData.OWNER, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));
        assertThat(post(body, "Bearer " + expired)).isEqualTo(401);
        // signed by another key: take a real token and swap its signature for another token's
        String[] mine = tokens.issue(DemoData.OWNER).split("\\.");
        String[] other = tokens.issue(DemoData.OUTSIDER).split("\\.");
        assertThat(post(body, "Bearer " + mine[0] + "." + mine[1] + "." + other[2])).isEqualTo(401);
        assertThat(post(body, "Bearer " + tokens.issue(DemoData.OWNER))).isEqualTo(200);
    }

    private int post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static String workspaceIdOfType(String type) {
        return com.subscriptionbff.common.GlobalId.of(type, DemoData.ACME);
    }
}
