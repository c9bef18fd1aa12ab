package com.subscriptionbff.demo;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running service and comes back: requests fail fast and say so (UNAVAILABLE,
 * retryable), readiness follows the database both ways while liveness stays up, and demo mode's embedded server is
 * started again on its data. The restart waits 8 s here, so that the outage can be watched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bff.demo.enabled=true", "bff.demo.database.restart-delay=8s"})
@Import(EmbeddedDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoTokens tokens;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    ConfigurableApplicationContext context;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> graphql(String query) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", "Bearer " + tokens.issue(DemoData.OWNER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void recordUsage(String key, long credits) throws Exception {
        String body = "{\"workspaceId\":\"" + com.subscriptionbff.common.GlobalId.of("Workspace", DemoData.ACME)
                + "\",\"idempotencyKey\":\"" + key + "\",\"occurredAt\":\"" + Instant.now() + "\",\"credits\":" + credits + "}";
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/internal/credit-usage"))
                .header("Authorization", "Bearer " + tokens.issueService("outage-test", "credits:record"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
    }

    private long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    @Order(1)
    void theDatabaseDiesAndComesBackWhileTheServiceRuns() throws Exception {
        String usedQuery = "{ workspace(id: \"" + com.subscriptionbff.common.GlobalId.of("Workspace", DemoData.ACME)
                + "\") { credits { used } } }";
        String before = graphql(usedQuery).body();
        recordUsage("outage-before-crash", 4_321);
        String withUsage = graphql(usedQuery).body();
        assertThat(withUsage).isNotEqualTo(before);
        assertThat(status("/readyz")).isEqualTo(200);

        long killed = System.nanoTime();
        postgres.process().destroyForcibly();

        long asked = System.nanoTime();
        var failed = graphql("{ plans { name } }");
        long timeToFail = millisSince(asked);
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("UNAVAILABLE").contains("\"retryable\":true").doesNotContain("TIMEOUT");
        assertThat(timeToFail).as("a request without a database fails within about 2 s").isLessThan(3_500);

        while (status("/readyz") != 503) {
            assertThat(millisSince(killed)).as("readiness DOWN within 5 s").isLessThan(5_000);
            Thread.sleep(100);
        }
        long timeToNotReady = millisSince(killed);
        assertThat(status("/livez")).as("liveness stays UP: a restart would not help").isEqualTo(200);

        while (status("/readyz") != 200) {
            assertThat(millisSince(killed)).as("ready again once the database is back").isLessThan(40_000);
            Thread.sleep(200);
        }
        long timeToReadyAgain = millisSince(killed);
        assertThat(graphql(usedQuery).body()).as("nothing committed was lost").isEqualTo(withUsage);
        assertThat(graphql("{ plans { name } }").body()).doesNotContain("errors").contains("name");
        System.out.printf("database outage: request failed in %d ms, readiness DOWN after %d ms, UP again after %d ms "
                + "(restart delay 8 s)%n", timeToFail, timeToNotReady, timeToReadyAgain);
    }

    @Test
    @Order(2)
    void liveStreamsCompleteProperlyWhenTheServiceStops() throws Exception {
        String subscribe = "{\"query\":\"subscription($id: ID!) { creditBalance(workspaceId: $id) { used } }\","
                + "\"variables\":{\"id\":\"" + com.subscriptionbff.common.GlobalId.of("Workspace", DemoData.ACME) + "\"}}";
        HttpClient streaming = HttpClient.newHttpClient();
        try {
            HttpResponse<Stream<String>> stream = streaming.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/graphql"))
                    .header("Authorization", "Bearer " + tokens.issue(DemoData.OWNER))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(subscribe)).build(), HttpResponse.BodyHandlers.ofLines());
            Iterator<String> lines = stream.body().iterator();
            assertThat(CompletableFuture.supplyAsync(() -> lines.next()).get(10, TimeUnit.SECONDS)).isNotNull();
            CompletableFuture<Boolean> completed = CompletableFuture.supplyAsync(() -> {
                while (lines.hasNext()) {
                    if (lines.next().equals("event:complete")) {
                        return true;
                    }
                }
                return false;
            });
            context.stop(); // what closing does first: stop the lifecycle beans, the web server last
            assertThat(completed.get(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            streaming.shutdownNow();
        }
    }
}
