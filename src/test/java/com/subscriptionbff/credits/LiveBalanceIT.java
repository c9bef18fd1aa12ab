package com.subscriptionbff.credits;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A connected page sees remaining credits change without polling; only members may follow them. */
class LiveBalanceIT extends IntegrationTest {

    private static final String SUBSCRIBE = "{\"query\":\"subscription($id: ID!) { creditBalance(workspaceId: $id) "
            + "{ used remaining } }\",\"variables\":{\"id\":\"%s\"}}";

    private Lines follow(HttpClient client, String user, UUID workspace) throws Exception {
        return new Lines(subscribe(client, user, workspace));
    }

    private HttpResponse<Stream<String>> subscribe(HttpClient client, String user, UUID workspace) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                        .header("Authorization", "Bearer " + tokens.issue(user))
                        .header("Content-Type", "application/json")
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(SUBSCRIBE.formatted(workspaceId(workspace)))).build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    /** The lines of a stream as they arrive, read by a thread of their own. */
    private static final class Lines {
        private static final String END = "end of stream";
        private final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();

        Lines(HttpResponse<Stream<String>> stream) {
            Thread.ofVirtual().start(() -> {
                try {
                    stream.body().forEach(arrived::add);
                } catch (RuntimeException e) { // the client was shut down
                }
                arrived.add(END);
            });
        }

        /** The next data line with content, or "end of stream"; fails after 10 s. */
        String nextData() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                String line = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(line).as("a data line within 10 s").isNotNull();
                if (line.equals(END) || line.startsWith("data:") && !line.equals("data:")) {
                    return line;
                }
            }
        }

        /** Every line until the server ends the stream; fails after 10 s. */
        List<String> rest() throws InterruptedException {
            List<String> rest = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (String line = ""; !line.equals(END); rest.add(line)) {
                line = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(line).as("the end of the stream within 10 s").isNotNull();
            }
            return rest;
        }

        /** The lines that arrive during `duration`. */
        List<String> during(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
            List<String> seen = new ArrayList<>();
            arrived.drainTo(seen);
            return seen;
        }
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
            Lines lines = new Lines(stream);
            assertThat(lines.nextData()).contains("\"used\":0");
            reportUsage(workspace, "live-1", 4_200);
            assertThat(lines.nextData()).contains("\"used\":4200");
            reportUsage(workspace, "live-2", 800);
            assertThat(lines.nextData()).contains("\"used\":5000");
        } finally {
            client.shutdownNow(); // a live stream never ends by itself: close() would wait for it
        }
    }

    @Test
    void strangersAndStaffDoNotFollowAWorkspacesBalance() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try {
            String first = follow(client, DemoData.OUTSIDER, DemoData.ACME).nextData();
            assertThat(first).contains("NOT_FOUND").doesNotContain("used");
            assertThat(follow(client, DemoData.STAFF, DemoData.ACME).nextData()).contains("FORBIDDEN")
                    .doesNotContain("used");
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void aMemberDeactivatedWhileFollowingGetsNotFoundAndNoFurtherBalance() throws Exception {
        UUID workspace = testData.workspace("Live Leaver SA", "Europe/Paris", "leaver-owner");
        testData.member(workspace, "live-leaver", com.subscriptionbff.db.enums.MemberRole.MEMBER);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            Lines lines = follow(client, "live-leaver", workspace);
            assertThat(lines.nextData()).contains("\"used\":0");
            testData.deactivate(workspace, "live-leaver");
            reportUsage(workspace, "leaver-1", 300);
            String ending = lines.nextData();
            assertThat(ending).contains("NOT_FOUND").doesNotContain("\"used\"");
            reportUsage(workspace, "leaver-2", 700);
            List<String> rest = lines.rest();
            assertThat(rest).contains("event:complete");
            assertThat(rest).noneSatisfy(line -> assertThat(line).contains("\"used\""));
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void aStreamOutlivesTheServersAsyncTimeoutWithHeartbeatsAndStillReceivesUpdates() throws Exception {
        UUID workspace = testData.workspace("Live Patience BV", "Europe/Amsterdam", "patient-owner");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            Lines lines = follow(client, "patient-owner", workspace);
            assertThat(lines.nextData()).contains("\"used\":0");
            // the async request timeout is 2 s in tests (spring.mvc.async.request-timeout): wait past it
            List<String> quiet = lines.during(Duration.ofMillis(3_500));
            assertThat(quiet).as("heartbeat comments while nothing happens").contains(":")
                    .noneSatisfy(line -> assertThat(line).startsWith("event:complete"));
            reportUsage(workspace, "patient-1", 1_234);
            assertThat(lines.nextData()).contains("\"used\":1234");
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void aUserFollowsAtMostFiveStreamsAtOnceAndGetsAnotherOnceOneCloses() throws Exception {
        UUID workspace = testData.workspace("Live Tabs Oy", "Europe/Helsinki", "tabs-owner");
        List<HttpClient> clients = new ArrayList<>();
        try {
            List<HttpResponse<Stream<String>>> open = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HttpClient client = HttpClient.newHttpClient();
                clients.add(client);
                var stream = subscribe(client, "tabs-owner", workspace);
                assertThat(new Lines(stream).nextData()).contains("\"used\":0");
                open.add(stream);
            }
            HttpClient sixth = HttpClient.newHttpClient();
            clients.add(sixth);
            assertThat(follow(sixth, "tabs-owner", workspace).nextData()).contains("LIMIT_EXCEEDED")
                    .doesNotContain("\"used\"");
            // closing one tab frees its place once the server notices (at its next heartbeat)
            open.getFirst().body().close();
            clients.getFirst().shutdownNow();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpClient again = HttpClient.newHttpClient();
                clients.add(again);
                assertThat(follow(again, "tabs-owner", workspace).nextData()).contains("\"used\":0");
            });
        } finally {
            clients.forEach(HttpClient::shutdownNow);
        }
    }
}
