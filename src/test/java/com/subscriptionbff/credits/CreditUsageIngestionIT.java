package com.subscriptionbff.credits;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's services report credit consumption; the Overview's credits follow. */
class CreditUsageIngestionIT extends IntegrationTest {

    private HttpResponse<String> report(String token, UUID workspace, String key, String occurredAt, long credits)
            throws Exception {
        return report(token, "{\"workspaceId\":\"" + workspaceId(workspace) + "\",\"idempotencyKey\":\"" + key
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"credits\":" + credits + "}");
    }

    private HttpResponse<String> report(String token, String body) throws Exception {
        return postJson("/internal/credit-usage", token, body);
    }

    private String service() {
        return tokens.issueService("inference-service", "credits:record");
    }

    private long used(UUID workspace) {
        return as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { credits { used } } }")
                .variable("id", workspaceId(workspace)).execute()
                .path("workspace.credits.used").entity(Long.class).get();
    }

    @Test
    void theDemosUsageRecorderTokenRecordsUsageThatTheOverviewFollows() throws Exception {
        String page;
        try (HttpClient client = HttpClient.newHttpClient()) {
            page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/demo/tokens")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        Matcher recorder = Pattern.compile("\"user\":\"" + DemoData.USAGE_RECORDER + "\",\"token\":\"([^\"]+)\"")
                .matcher(page);
        assertThat(recorder.find()).as("a usage recorder token on /demo/tokens").isTrue();
        long before = used(DemoData.GLOBEX);
        var recorded = report(recorder.group(1), DemoData.GLOBEX, "demo-loop-1", "2026-11-15T08:00:00Z", 250_000);
        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(used(DemoData.GLOBEX)).isEqualTo(before + 250_000);
    }

    @Test
    void aReportedEventCountsOnceHoweverOftenItIsReplayed() throws Exception {
        long before = used(DemoData.GLOBEX);
        var first = report(service(), DemoData.GLOBEX, "evt-replay-1", "2026-11-15T09:00:00Z", 125_000);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"duplicate\":false").contains("\"day\":\"2026-11-15\"");
        for (int i = 0; i < 3; i++) {
            var replay = report(service(), DemoData.GLOBEX, "evt-replay-1", "2026-11-15T09:00:00Z", 125_000);
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).contains("\"duplicate\":true");
        }
        assertThat(used(DemoData.GLOBEX)).isEqualTo(before + 125_000);
    }

    @Test
    void usageBeyondTheMonthlyAllowanceComesOutOfPurchasedCredits() throws Exception {
        // Hooli: 60M a month, 9M used, 5M purchased. 52M more: 1M beyond the allowance, paid by purchased credits
        assertThat(report(service(), DemoData.HOOLI, "evt-overflow-1", "2026-11-15T01:00:00Z", 52_000_000).statusCode())
                .isEqualTo(201);
        var credits = as(DemoData.OWNER).document("""
                query($id: ID!) { workspace(id: $id) { credits { used remaining total purchasedRemaining } } }""")
                .variable("id", workspaceId(DemoData.HOOLI)).execute();
        credits.path("workspace.credits.used").entity(Long.class).isEqualTo(61_000_000L);
        credits.path("workspace.credits.purchasedRemaining").entity(Long.class).isEqualTo(4_000_000L);
        credits.path("workspace.credits.remaining").entity(Long.class).isEqualTo(4_000_000L);
        credits.path("workspace.credits.total").entity(Long.class).isEqualTo(65_000_000L);
    }

    @Test
    void theDayIsTheWorkspacesDay() throws Exception {
        // 12:30 UTC on 15 November is 01:30 on the 16th in Auckland
        clock.set(Instant.parse("2026-11-15T12:45:00Z"));
        var response = report(service(), DemoData.STARK, "evt-auckland-1", "2026-11-15T12:30:00Z", 7_777);
        assertThat(response.body()).contains("\"day\":\"2026-11-16\"");
        as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { credits { daily(days: 1) { date credits } } } }")
                .variable("id", workspaceId(DemoData.STARK)).execute()
                .path("workspace.credits.daily[0].date").entity(String.class).isEqualTo("2026-11-16")
                .path("workspace.credits.daily[0].credits").entity(Long.class).isEqualTo(7_777L);
    }

    @Test
    void concurrentEventsOfOneWorkspaceAllCount() throws Exception {
        UUID workspace = testData.workspace("Ingestion Burst", "UTC", "ingestion-burst-owner");
        List<Thread> senders = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            String key = "burst-" + i;
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    statuses.add(report(service(), workspace, key, "2026-11-15T08:00:00Z", 1_000).statusCode());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        assertThat(statuses).hasSize(20).containsOnly(201);
        assertThat(as("ingestion-burst-owner").document("query($id: ID!) { workspace(id: $id) { credits { used } } }")
                .variable("id", workspaceId(workspace)).execute()
                .path("workspace.credits.used").entity(Long.class).get()).isEqualTo(20_000L);
    }

    @Test
    void onlyAServiceCredentialMayReportAndBadReportsAreRefused() throws Exception {
        String at = "2026-11-15T09:00:00Z";
        assertThat(report(null, DemoData.GLOBEX, "evt-auth-1", at, 1).statusCode()).isEqualTo(401);
        assertThat(report(tokens.issue(DemoData.OWNER), DemoData.GLOBEX, "evt-auth-1", at, 1).statusCode()).isEqualTo(403);
        assertThat(report(tokens.issueService("reporting", "reports:read"), DemoData.GLOBEX, "evt-auth-1", at, 1)
                .statusCode()).isEqualTo(403);
        assertThat(report(service(), UUID.randomUUID(), "evt-auth-1", at, 1).statusCode()).isEqualTo(404);
        assertThat(report(service(), DemoData.GLOBEX, "evt-auth-2", at, 0).statusCode()).isEqualTo(400);
        assertThat(report(service(), DemoData.GLOBEX, "evt-auth-3", "2020-01-01T00:00:00Z", 1).statusCode()).isEqualTo(400);
        assertThat(report(service(), DemoData.GLOBEX, "evt-auth-4", "2027-01-01T00:00:00Z", 1).statusCode()).isEqualTo(400);
        assertThat(report(service(), DemoData.GLOBEX, "", at, 1).statusCode()).isEqualTo(400);
    }

    @Test
    void aKeyWithANulCharacterIsABadRequestNotAServerError() throws Exception {
        String body = "{\"workspaceId\":\"" + workspaceId(DemoData.GLOBEX) + "\",\"idempotencyKey\":\"evt\\u0000nul\","
                + "\"occurredAt\":\"2026-11-15T09:00:00Z\",\"credits\":10}";
        var response = report(service(), body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("control characters");
    }

    @Test
    void creditsMustBeAJsonIntegerNeitherAFractionNorAString() throws Exception {
        long before = used(DemoData.GLOBEX);
        String prefix = "{\"workspaceId\":\"" + workspaceId(DemoData.GLOBEX) + "\",\"occurredAt\":\"2026-11-15T09:00:00Z\",";
        var fraction = report(service(), prefix + "\"idempotencyKey\":\"evt-fraction\",\"credits\":1.5}");
        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(fraction.body()).contains("credits");
        var text = report(service(), prefix + "\"idempotencyKey\":\"evt-text\",\"credits\":\"100\"}");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("credits");
        assertThat(report(service(), "not json").statusCode()).isEqualTo(400);
        assertThat(used(DemoData.GLOBEX)).isEqualTo(before);
    }

    @Test
    void aReplayOfAKeyWithAnotherAmountOrDayIsAConflictThatChangesNothing() throws Exception {
        long before = used(DemoData.GLOBEX);
        assertThat(report(service(), DemoData.GLOBEX, "evt-conflict-1", "2026-11-15T09:00:00Z", 500).statusCode())
                .isEqualTo(201);
        var otherAmount = report(service(), DemoData.GLOBEX, "evt-conflict-1", "2026-11-15T09:00:00Z", 900);
        assertThat(otherAmount.statusCode()).isEqualTo(409);
        assertThat(otherAmount.body()).contains("evt-conflict-1").contains("500 credits");
        var otherDay = report(service(), DemoData.GLOBEX, "evt-conflict-1", "2026-11-14T09:00:00Z", 500);
        assertThat(otherDay.statusCode()).isEqualTo(409);
        assertThat(otherDay.body()).contains("evt-conflict-1").contains("2026-11-15");
        assertThat(used(DemoData.GLOBEX)).isEqualTo(before + 500);
        assertThat(report(service(), DemoData.GLOBEX, "evt-conflict-1", "2026-11-15T09:00:00Z", 500).statusCode())
                .isEqualTo(200);
    }
}
