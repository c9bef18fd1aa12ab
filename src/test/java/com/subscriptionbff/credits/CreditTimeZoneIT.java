package com.subscriptionbff.credits;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Days and months are counted in each workspace's own time zone. */
class CreditTimeZoneIT extends IntegrationTest {

    private GraphQlTester.Response credits(UUID workspace) {
        return as(DemoData.OWNER).document("""
                query($id: ID!) { workspace(id: $id) { timeZone credits {
                  monthStart monthEnd used remaining total includedMonthly purchasedRemaining daily { date credits } } } }""")
                .variable("id", workspaceId(workspace)).execute();
    }

    @Test
    void afterMidnightInAucklandTheChartEndsOnTheNextDayWhileParisIsStillOnTheDayBefore() {
        // 12:00 UTC: 13:00 on the 15th in Paris, 01:00 on the 16th in Auckland (UTC+13 in November)
        clock.set(Instant.parse("2026-11-15T12:00:00Z"));
        List<String> auckland = credits(DemoData.STARK).path("workspace.credits.daily[*].date").entityList(String.class).get();
        List<String> paris = credits(DemoData.ACME).path("workspace.credits.daily[*].date").entityList(String.class).get();
        assertThat(auckland).hasSize(30).endsWith("2026-11-16").startsWith("2026-10-18");
        assertThat(paris).hasSize(30).endsWith("2026-11-15").startsWith("2026-10-17");
    }

    @Test
    void justBeforeMidnightInAucklandTheChartStillEndsOnTheSameDay() {
        clock.set(Instant.parse("2026-11-15T10:59:59Z"));
        credits(DemoData.STARK).path("workspace.credits.daily[29].date").entity(LocalDate.class)
                .isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void monthlyCreditsResetWhenTheWorkspacesMonthTurnsAndPurchasedCreditsStay() {
        // 12:00 UTC on 30 November: already 1 December in Auckland, still November in Paris
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        var stark = credits(DemoData.STARK);
        stark.path("workspace.credits.monthStart").entity(LocalDate.class).isEqualTo(LocalDate.of(2026, 12, 1));
        stark.path("workspace.credits.monthEnd").entity(LocalDate.class).isEqualTo(LocalDate.of(2026, 12, 31));
        stark.path("workspace.credits.used").entity(Long.class).isEqualTo(0L);
        stark.path("workspace.credits.remaining").entity(Long.class).isEqualTo(20_000_000L);
        stark.path("workspace.credits.total").entity(Long.class).isEqualTo(20_000_000L);

        var acme = credits(DemoData.ACME);
        acme.path("workspace.credits.monthStart").entity(LocalDate.class).isEqualTo(LocalDate.of(2026, 11, 1));
        acme.path("workspace.credits.used").entity(Long.class).isEqualTo(5_429_200L);
        acme.path("workspace.credits.purchasedRemaining").entity(Long.class).isEqualTo(3_000_000L);
    }

    @Test
    void theChartIsFoundThroughFragmentsAndAliasesToo() {
        var response = as(DemoData.OWNER).document("""
                query($id: ID!) { workspace(id: $id) { credits { used ...chart week: daily(days: 7) { date } } } }
                fragment chart on CreditUsage { daily { date credits } }""")
                .variable("id", workspaceId(DemoData.ACME)).execute();
        response.errors().verify();
        response.path("workspace.credits.daily").entityList(Object.class).hasSize(30);
        response.path("workspace.credits.week").entityList(Object.class).hasSize(7);
        // no chart asked for: none loaded, and none to slice
        as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { credits { used } } }")
                .variable("id", workspaceId(DemoData.ACME)).execute()
                .path("workspace.credits.used").entity(Long.class).isEqualTo(5_429_200L);
    }

    @Test
    void chartLengthCanBeChosenWithinLimits() {
        as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { credits { daily(days: 7) { date } } } }")
                .variable("id", workspaceId(DemoData.ACME)).execute()
                .path("workspace.credits.daily[*].date").entityList(String.class)
                .containsExactly("2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14",
                        "2026-11-15");
        as(DemoData.OWNER).document("query($id: ID!) { workspace(id: $id) { credits { daily(days: 1000) { date } } } }")
                .variable("id", workspaceId(DemoData.ACME)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }
}
