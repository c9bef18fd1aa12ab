package com.subscriptionbff.credits;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A connected page sees remaining credits change without polling; only members may follow them. */
class LiveBalanceIT extends IntegrationTest {

    private static final String SUBSCRIBE = "{\"query\":\"subscription($id: ID!) { creditBalance(workspaceId: $id) "
            + "{ used remaining } }\",\"variables\":{\"id\":\"%s\"}}";

    private HttpResponse<Stream<String>> subscribe(HttpClient client, String user, UUID workspace) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                        .header("Authorization", "Bearer " + tokens.issue(user))
                        .header("Content-Type", "application/json")
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(SUBSCRIBE.formatted(workspaceId(workspace)))).build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    /** The next SSE data line, or fails after 10 s. */
    private static String nextData(Iterator<String> lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    return line;
                }
            }
            return "end of stream";
        }).get(10, TimeUnit.SECONDS);
    }

    private void reportUsage(UUID workspace, String key, long credits) throws Exception {
        String body = "{\"workspaceId\":\"" + workspaceId(workspace) + "\",\"idempotencyKey\":\"" + key
                + "\",\"occurredAt\":\"2026-11-15T09:30:00Z\",\"credits\":" + credits + "}";
        try (HttpClient client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/internal/credit-usage"))
                    .header("Authorization", "Bearer " + tokens.issueService("inference-service", "credits:record"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
        }
    }

    @Test
    void aMemberSeesTheBalanceNowAndAfterEachRecordedUsage() throws Exception {
        UUID workspace = testData.workspace("Live Balance GmbH", "Europe/Berlin", "live-owner");
        testData.member(workspace, "live-member", com.subscriptionbff.db.enums.MemberRole.MEMBER);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            var stream = subscribe(client, "live-member", workspace);
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            Iterator<String> lines = stream.body().iterator();
            assertThat(nextData(lines)).contains("\"used\":0");
            reportUsage(workspace, "live-1", 4_200);
            assertThat(nextData(lines)).contains("\"used\":4200");
            reportUsage(workspace, "live-2", 800);
            assertThat(nextData(lines)).contains("\"used\":5000");
        } finally {
            client.shutdownNow(); // a live stream never ends by itself: close() would wait for it
        }
    }

    @Test
    void strangersAndStaffDoNotFollowAWorkspacesBalance() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try {
            Iterator<String> outsider = subscribe(client, DemoData.OUTSIDER, DemoData.ACME).body().iterator();
            String first = nextData(outsider);
            assertThat(first).contains("NOT_FOUND").doesNotContain("used");
            Iterator<String> staff = subscribe(client, DemoData.STAFF, DemoData.ACME).body().iterator();
            assertThat(nextData(staff)).contains("FORBIDDEN").doesNotContain("used");
        } finally {
            client.shutdownNow();
        }
    }
}
