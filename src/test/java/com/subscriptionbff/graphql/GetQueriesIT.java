package com.subscriptionbff.graphql;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that send their queries with GET (GraphQL over HTTP) get the same answers; a GET changes nothing. */
class GetQueriesIT extends IntegrationTest {

    private HttpResponse<String> get(String user, String query, String variables) throws Exception {
        String url = "http://localhost:" + port + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (variables == null ? "" : "&variables=" + URLEncoder.encode(variables, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + tokens.issue(user));
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aMemberReadsTheSeatsOfTheirWorkspaceWithAGet() throws Exception {
        var response = get(DemoData.MEMBER, "query($id: ID!) { workspace(id: $id) { name seats { used total } } }",
                "{\"id\": \"" + workspaceId(DemoData.ACME) + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"name\":\"Acme Corp\"").contains("\"used\":5").contains("\"total\":12")
                .doesNotContain("errors");
    }

    @Test
    void aMutationSentWithGetIsRefusedAndChangesNothing() throws Exception {
        long before = sqlStatements();
        var response = get(DemoData.OWNER, """
                mutation($id: ID!) { cancelSubscription(input: { workspaceId: $id, reason: TOO_EXPENSIVE,
                  idempotencyKey: "get-cancel-1" }) { userErrors { code } } }""",
                "{\"id\": \"" + workspaceId(DemoData.ACME) + "\"}");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.body()).contains("only queries may be sent with GET");
        assertThat(sqlStatements() - before).isZero();
    }

    @Test
    void aGetFollowsTheSameRulesAsAPost() throws Exception {
        assertThat(get(null, "{ viewer { displayName } }", null).statusCode()).isEqualTo(401);
        var stranger = get(DemoData.OUTSIDER, "query($id: ID!) { workspace(id: $id) { name } }",
                "{\"id\": \"" + workspaceId(DemoData.ACME) + "\"}");
        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(stranger.body()).contains("NOT_FOUND").doesNotContain("Acme Corp");
        assertThat(get(DemoData.OWNER, "{ viewer { displayName } }", "not json").statusCode()).isEqualTo(400);
        assertThat(get(DemoData.OWNER, "", null).statusCode()).isEqualTo(400);
    }
}
