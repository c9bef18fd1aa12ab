package com.subscriptionbff;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Overview tab as each demo workspace's owner sees it, one test per state the page renders. */
class OverviewIT extends IntegrationTest {

    private GraphQlTester.Response overview(java.util.UUID workspace, String locale) {
        return as(DemoData.OWNER).documentName("overview")
                .variable("id", workspaceId(workspace))
                .variable("locale", locale)
                .execute();
    }

    @Test
    void monthlyPaidWorkspaceShowsPlanPriceCardAddOnsAndTheAnnualOffer() {
        var page = overview(DemoData.ACME, "fr-FR");
        page.errors().verify();
        page.path("workspace.name").entity(String.class).isEqualTo("Acme Corp");
        page.path("workspace.subscription.plan.name").entity(String.class).isEqualTo("Team Starter");
        page.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        page.path("workspace.subscription.billingInterval").entity(String.class).isEqualTo("MONTH");
        // "159,00 € / month": a no-break space before the euro sign, as the JDK's fr-FR format writes it
        page.path("workspace.subscription.price.formatted").entity(String.class).isEqualTo("159,00\u00a0€");
        page.path("workspace.subscription.price.amount").entity(String.class).isEqualTo("159.00");
        page.path("workspace.subscription.price.currencyCode").entity(String.class).isEqualTo("EUR");
        page.path("workspace.subscription.recurringTotal.amount").entity(String.class).isEqualTo("239.00");
        page.path("workspace.subscription.autoRenew").entity(Boolean.class).isEqualTo(true);
        page.path("workspace.subscription.endsAt").valueIsNull();
        page.path("workspace.subscription.trial").valueIsNull();
        page.path("workspace.subscription.paymentRequired").entity(Boolean.class).isEqualTo(false);
        page.path("workspace.subscription.currentPeriod.start").entity(Instant.class)
                .isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
        page.path("workspace.subscription.currentPeriod.end").entity(Instant.class)
                .isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        page.path("workspace.subscription.nextBillingDate").entity(Instant.class)
                .isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));

        page.path("workspace.paymentMethod.brand").entity(String.class).isEqualTo("Visa");
        page.path("workspace.paymentMethod.last4").entity(String.class).isEqualTo("4242");
        page.path("workspace.paymentMethod.expMonth").entity(Integer.class).isEqualTo(12);
        page.path("workspace.paymentMethod.expYear").entity(Integer.class).isEqualTo(2028);
        page.path("workspace.paymentMethod.expired").entity(Boolean.class).isEqualTo(false);

        page.path("workspace.subscription.customization.hasAddOns").entity(Boolean.class).isEqualTo(true);
        page.path("workspace.subscription.customization.extraSeats").entity(Integer.class).isEqualTo(2);
        page.path("workspace.subscription.customization.extraSeatsPrice.amount").entity(String.class).isEqualTo("30.00");
        page.path("workspace.subscription.customization.extraCredits").entity(Long.class).isEqualTo(5_000_000L);
        page.path("workspace.subscription.customization.extraCreditsPrice.amount").entity(String.class).isEqualTo("50.00");
        page.path("workspace.subscription.customization.remainingExtraSeats").entity(Integer.class).isEqualTo(38);

        page.path("workspace.subscription.annualBillingOffer.annualPrice.amount").entity(String.class).isEqualTo("1590.00");
        page.path("workspace.subscription.annualBillingOffer.monthlyPriceOverYear.amount").entity(String.class)
                .isEqualTo("1908.00");
        page.path("workspace.subscription.annualBillingOffer.savingsPerYear.amount").entity(String.class).isEqualTo("318.00");
        page.path("workspace.subscription.annualBillingOffer.savingsPercent").entity(String.class).isEqualTo("16.67");
    }

    @Test
    void remainingCreditsAre22_6MOf28MAnd80_61Percent() {
        var page = overview(DemoData.ACME, "fr-FR");
        page.path("workspace.credits.used").entity(Long.class).isEqualTo(5_429_200L);
        page.path("workspace.credits.remaining").entity(Long.class).isEqualTo(22_570_800L);
        page.path("workspace.credits.total").entity(Long.class).isEqualTo(28_000_000L);
        page.path("workspace.credits.remainingPercent").entity(String.class).isEqualTo("80.61");
        page.path("workspace.credits.usedPercent").entity(String.class).isEqualTo("19.39");
        page.path("workspace.credits.includedMonthly").entity(Long.class).isEqualTo(20_000_000L);
        page.path("workspace.credits.extraMonthly").entity(Long.class).isEqualTo(5_000_000L);
        page.path("workspace.credits.purchasedRemaining").entity(Long.class).isEqualTo(3_000_000L);
        page.path("workspace.credits.monthStart").entity(LocalDate.class).isEqualTo(LocalDate.of(2026, 11, 1));
        page.path("workspace.credits.monthEnd").entity(LocalDate.class).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void dailyChartHasOnePointPerDayForThirtyDaysIncludingDaysWithoutUsage() {
        var page = overview(DemoData.ACME, "fr-FR");
        List<Map<String, Object>> points = page.path("workspace.credits.daily").entityList(mapType()).get();
        assertThat(points).hasSize(30);
        assertThat(points.getFirst().get("date")).isEqualTo("2026-10-17");
        assertThat(points.getLast().get("date")).isEqualTo("2026-11-15");
        for (int i = 1; i < points.size(); i++) {
            assertThat(LocalDate.parse((String) points.get(i).get("date")))
                    .isEqualTo(LocalDate.parse((String) points.get(i - 1).get("date")).plusDays(1));
        }
        // the demo data has no usage on 20 October: the chart still has that day, at zero
        assertThat(points).contains(Map.of("date", "2026-10-20", "credits", 0));
        long november = points.stream().filter(p -> ((String) p.get("date")).startsWith("2026-11"))
                .mapToLong(p -> ((Number) p.get("credits")).longValue()).sum();
        assertThat(november).isEqualTo(5_429_200L);
    }

    @Test
    void seatsShowFiveOfTwelveUsersWithTheirHolders() {
        var page = overview(DemoData.ACME, "fr-FR");
        page.path("workspace.seats.used").entity(Integer.class).isEqualTo(5);
        page.path("workspace.seats.total").entity(Integer.class).isEqualTo(12);
        page.path("workspace.seats.usedPercent").entity(String.class).isEqualTo("41.67");
        page.path("workspace.seats.overLimit").entity(Boolean.class).isEqualTo(false);
        page.path("workspace.seats.holders.totalCount").entity(Integer.class).isEqualTo(5);
        page.path("workspace.seats.holders.edges[*].node.displayName").entityList(String.class)
                .containsExactly("Alice Martin", "Bob Durand", "Carol Petit", "Member 1 of acme", "Member 2 of acme");
    }

    @Test
    void moneyIsFormattedForTheAskedLocale() {
        var page = overview(DemoData.ACME, "en-US");
        page.path("workspace.subscription.price.formatted").entity(String.class).isEqualTo("€159.00");
        page.path("workspace.subscription.annualBillingOffer.annualPrice.formatted").entity(String.class)
                .isEqualTo("€1,590.00");
        var french = overview(DemoData.ACME, "fr-FR");
        // French groups thousands with a narrow no-break space
        french.path("workspace.subscription.annualBillingOffer.annualPrice.formatted").entity(String.class)
                .isEqualTo("1\u202f590,00\u00a0€");
    }

    @Test
    void aLocaleThatIsNoLanguageTagIsRefusedOnEachFormattedPriceAndThePartsWithoutPricesStay() {
        var page = overview(DemoData.ACME, "not a locale!");
        page.errors().satisfy(errors -> assertThat(errors).hasSize(6).allSatisfy(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getMessage()).contains("BCP 47");
            assertThat(error.getPath()).endsWith(".formatted");
        }));
        // the error stays on each formatted price: the subscription, its amounts, the seats and credits stay
        page.path("workspace.subscription.plan.name").entity(String.class).isEqualTo("Team Starter");
        page.path("workspace.subscription.price.amount").entity(String.class).isEqualTo("159.00");
        page.path("workspace.subscription.price.formatted").valueIsNull();
        page.path("workspace.seats.used").entity(Integer.class).isEqualTo(5);
        page.path("workspace.credits.total").hasValue();
    }

    @Test
    void annualSubscriptionShowsAYearlyPriceAndNoAnnualOffer() {
        var page = overview(DemoData.GLOBEX, "fr-FR");
        page.path("workspace.subscription.billingInterval").entity(String.class).isEqualTo("YEAR");
        page.path("workspace.subscription.price.amount").entity(String.class).isEqualTo("3990.00");
        page.path("workspace.subscription.price.formatted").entity(String.class).isEqualTo("3\u202f990,00\u00a0€");
        page.path("workspace.subscription.annualBillingOffer").valueIsNull();
        page.path("workspace.subscription.customization.hasAddOns").entity(Boolean.class).isEqualTo(false);
        // add-ons of an annual subscription are priced for the year
        page.path("workspace.subscription.customization.unitSeatPrice.amount").entity(String.class).isEqualTo("144.00");
        page.path("workspace.paymentMethod.brand").entity(String.class).isEqualTo("Mastercard");
    }

    @Test
    void trialingWorkspaceWithoutCardShowsTheTrialBadgeAndDaysLeft() {
        var page = overview(DemoData.INITECH, "fr-FR");
        page.path("workspace.subscription.status").entity(String.class).isEqualTo("TRIALING");
        page.path("workspace.subscription.trial.active").entity(Boolean.class).isEqualTo(true);
        page.path("workspace.subscription.trial.daysLeft").entity(Integer.class).isEqualTo(20);
        Instant trialEnd = Instant.parse("2026-12-05T07:00:00Z");
        page.path("workspace.subscription.trial.endsAt").entity(Instant.class).isEqualTo(trialEnd);
        page.path("workspace.subscription.nextBillingDate").entity(Instant.class).isEqualTo(trialEnd);
        page.path("workspace.subscription.paymentRequired").entity(Boolean.class).isEqualTo(false);
        page.path("workspace.paymentMethod").valueIsNull();
    }

    @Test
    void trialThatEndedWithoutPaymentAsksForPayment() {
        clock.set(Instant.parse("2026-12-06T00:00:00Z"));
        var page = overview(DemoData.INITECH, "fr-FR");
        page.path("workspace.subscription.trial.active").entity(Boolean.class).isEqualTo(false);
        page.path("workspace.subscription.trial.daysLeft").entity(Integer.class).isEqualTo(0);
        page.path("workspace.subscription.paymentRequired").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void pastDueWorkspaceShowsThePaymentBannerAndItsExpiredCard() {
        var page = overview(DemoData.UMBRELLA, "fr-FR");
        page.path("workspace.subscription.status").entity(String.class).isEqualTo("PAST_DUE");
        page.path("workspace.subscription.paymentRequired").entity(Boolean.class).isEqualTo(true);
        page.path("workspace.subscription.annualBillingOffer").valueIsNull();
        page.path("workspace.paymentMethod.last4").entity(String.class).isEqualTo("0341");
        page.path("workspace.paymentMethod.expired").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void cancelledSubscriptionStaysActiveUntilThePeriodEndWithAutoRenewOff() {
        var page = overview(DemoData.HOOLI, "fr-FR");
        page.path("workspace.subscription.status").entity(String.class).isEqualTo("ACTIVE");
        page.path("workspace.subscription.autoRenew").entity(Boolean.class).isEqualTo(false);
        Instant periodEnd = Instant.parse("2026-11-26T00:00:00Z");
        page.path("workspace.subscription.currentPeriod.end").entity(Instant.class).isEqualTo(periodEnd);
        page.path("workspace.subscription.endsAt").entity(Instant.class).isEqualTo(periodEnd);
        page.path("workspace.subscription.nextBillingDate").valueIsNull();
        page.path("workspace.subscription.annualBillingOffer").valueIsNull();
        page.path("workspace.subscription.cancellation.reason").entity(String.class).isEqualTo("TOO_EXPENSIVE");
        page.path("workspace.subscription.cancellation.comment").entity(String.class)
                .isEqualTo("Budget cuts for 2027, we will be back.");
        page.path("workspace.subscription.cancellation.canceledAt").entity(Instant.class)
                .isEqualTo(Instant.parse("2026-11-12T10:00:00Z"));
    }

    @Test
    void freePlanHasNoPriceNoOfferNoAddOnsAndNoNextBilling() {
        var page = overview(DemoData.PIED_PIPER, "fr-FR");
        page.path("workspace.subscription.plan.isFree").entity(Boolean.class).isEqualTo(true);
        page.path("workspace.subscription.price.amount").entity(String.class).isEqualTo("0.00");
        page.path("workspace.subscription.nextBillingDate").valueIsNull();
        page.path("workspace.subscription.annualBillingOffer").valueIsNull();
        page.path("workspace.subscription.customization.hasAddOns").entity(Boolean.class).isEqualTo(false);
        page.path("workspace.subscription.customization.unitSeatPrice").valueIsNull();
        page.path("workspace.subscription.customization.remainingExtraSeats").entity(Integer.class).isEqualTo(0);
        page.path("workspace.paymentMethod").valueIsNull();
        page.path("workspace.seats.total").entity(Integer.class).isEqualTo(3);
        page.path("workspace.credits.total").entity(Long.class).isEqualTo(1_000_000L);
    }

    @Test
    void workspaceOverItsSeatLimitShowsWhoIsDeactivatedAtRenewal() {
        var page = overview(DemoData.STARK, "fr-FR");
        page.path("workspace.seats.used").entity(Integer.class).isEqualTo(12);
        page.path("workspace.seats.total").entity(Integer.class).isEqualTo(10);
        page.path("workspace.seats.usedPercent").entity(String.class).isEqualTo("120.00");
        page.path("workspace.seats.overLimit").entity(Boolean.class).isEqualTo(true);
        page.path("workspace.seats.membersOverLimit").entity(Integer.class).isEqualTo(2);
        List<Boolean> deactivated = page.path("workspace.seats.holders.edges[*].node.deactivatedAtRenewal")
                .entityList(Boolean.class).get();
        assertThat(deactivated).hasSize(12);
        // the two most recently added members are the ones beyond the limit
        assertThat(deactivated.subList(0, 10)).containsOnly(false);
        assertThat(deactivated.subList(10, 12)).containsOnly(true);
        page.path("workspace.seats.holders.edges[10].node.displayName").entity(String.class).isEqualTo("Member 10 of stark");
        page.path("workspace.seats.holders.edges[11].node.displayName").entity(String.class).isEqualTo("Member 11 of stark");
    }

    @Test
    void seatHoldersPageForwardWithCursors() {
        var first = as(DemoData.OWNER).document("""
                query($id: ID!) { workspace(id: $id) { seats { holders(first: 5) {
                  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { displayName } } } } } }""")
                .variable("id", workspaceId(DemoData.STARK)).execute();
        first.path("workspace.seats.holders.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("workspace.seats.holders.pageInfo.endCursor").entity(String.class).get();
        List<String> names = new java.util.ArrayList<>(
                first.path("workspace.seats.holders.edges[*].node.displayName").entityList(String.class).get());
        while (cursor != null) {
            var next = as(DemoData.OWNER).document("""
                    query($id: ID!, $after: String) { workspace(id: $id) { seats { holders(first: 5, after: $after) {
                      pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { displayName } } } } } }""")
                    .variable("id", workspaceId(DemoData.STARK)).variable("after", cursor).execute();
            next.path("workspace.seats.holders.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
            names.addAll(next.path("workspace.seats.holders.edges[*].node.displayName").entityList(String.class).get());
            boolean more = next.path("workspace.seats.holders.pageInfo.hasNextPage").entity(Boolean.class).get();
            cursor = more ? next.path("workspace.seats.holders.pageInfo.endCursor").entity(String.class).get() : null;
        }
        assertThat(names).hasSize(12).doesNotHaveDuplicates().startsWith("Alice Martin");
    }

    @Test
    void seatHoldersRefuseAnotherWorkspacesCursorAndAPageSizeOutOfRangeFailsTheWholeRequest() {
        String holders = """
                query($id: ID!, $first: Int, $after: String) { workspace(id: $id) { name seats { used
                  holders(first: $first, after: $after) { pageInfo { endCursor } edges { node { displayName } } } } } }""";
        String acmeCursor = as(DemoData.OWNER).document(holders).variable("id", workspaceId(DemoData.ACME))
                .variable("first", 1).execute()
                .path("workspace.seats.holders.pageInfo.endCursor").entity(String.class).get();
        for (Map<String, Object> refused : List.<Map<String, Object>>of(
                Map.of("first", 5, "after", acmeCursor), Map.of("first", 5, "after", "not a cursor"))) {
            var request = as(DemoData.OWNER).document(holders).variable("id", workspaceId(DemoData.STARK));
            refused.forEach(request::variable);
            var page = request.execute();
            page.errors().satisfy(errors -> assertThat(errors).as(refused.toString()).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(e.getPath()).isEqualTo("workspace.seats.holders");
            }));
            // the error stays on the holders: the workspace and its seats are answered
            page.path("workspace.seats.holders").valueIsNull();
            page.path("workspace.seats.used").hasValue();
            page.path("workspace.name").entity(String.class).isEqualTo("Stark Industries");
        }
        for (int first : new int[]{0, 101}) {
            var page = as(DemoData.OWNER).document(holders).variable("id", workspaceId(DemoData.STARK))
                    .variable("first", first).execute();
            page.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(e.getMessage()).contains("first must be between 1 and 100");
            }));
            assertThat((Object) page.returnResponse().getData()).isNull();
        }
    }

    @Test
    void aMemberAskingForTheAuditLogGetsForbiddenThereAndTheRestOfTheWorkspace() {
        var page = as(DemoData.MEMBER).document("""
                query($id: ID!) { workspace(id: $id) { name auditLog { totalCount } seats { used } } }""")
                .variable("id", workspaceId(DemoData.ACME)).execute();
        page.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getPath()).isEqualTo("workspace.auditLog");
        }));
        page.path("workspace.name").entity(String.class).isEqualTo("Acme Corp");
        page.path("workspace.auditLog").valueIsNull();
        page.path("workspace.seats.used").entity(Integer.class).isEqualTo(5);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
