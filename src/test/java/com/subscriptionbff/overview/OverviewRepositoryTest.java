package com.subscriptionbff.overview;

import com.subscriptionbff.credits.CreditColumns.MonthKey;
import com.subscriptionbff.credits.CreditUsage;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.payment.PaymentMethod;
import com.subscriptionbff.seats.SeatUsage;
import com.subscriptionbff.support.RepositoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.CREDIT_BALANCES;
import static com.subscriptionbff.db.Tables.CREDIT_USAGE_DAILY;
import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** What the Overview tab reads of each workspace: subscription, card, seats and the month's credits. */
@Import(OverviewRepository.class)
class OverviewRepositoryTest extends RepositoryTest {

    /** 21:00 on 30 November in Paris; in Tokyo it is already 05:00 on 1 December. */
    private static final Instant NOW = Instant.parse("2026-11-30T20:00:00Z");
    private static final String PARIS = "Europe/Paris";
    private static final String TOKYO = "Asia/Tokyo";

    @Autowired
    private OverviewRepository overviews;

    @Test
    void oneStatementAnswersTheOverviewsOfManyWorkspaces() {
        UUID plan = plan("team-starter", 10, 20_000_000);
        List<MonthKey> months = new ArrayList<>();
        for (int extraSeats = 0; extraSeats < 5; extraSeats++) {
            UUID workspace = testData.workspace("Workspace " + extraSeats, PARIS, "owner-" + extraSeats);
            subscribe(workspace, plan, SubscriptionStatus.ACTIVE, extraSeats, 0);
            months.add(monthOf(workspace, PARIS));
        }

        var answer = counted(() -> overviews.find(months, NOW));

        assertThat(answer.statements()).isOne();
        assertThat(answer.result()).containsOnlyKeys(months);
        for (int extraSeats = 0; extraSeats < 5; extraSeats++) {
            assertThat(answer.result().get(months.get(extraSeats)).seats().extra()).isEqualTo(extraSeats);
        }
    }

    @Test
    void aWorkspaceInTokyoStartsItsMonthAtTokyosMidnight() {
        UUID tokyo = testData.workspace("Tokyo office", TOKYO, "tokyo-owner");
        UUID paris = testData.workspace("Paris office", PARIS, "paris-owner");
        for (UUID workspace : List.of(tokyo, paris)) {
            used(workspace, "2026-11-10", 200);
            used(workspace, "2026-11-30", 500);
        }
        used(tokyo, "2026-12-01", 40); // Tokyo's first five hours of December

        MonthKey tokyoMonth = monthOf(tokyo, TOKYO);
        MonthKey parisMonth = monthOf(paris, PARIS);
        var answer = overviews.find(List.of(tokyoMonth, parisMonth), NOW);

        CreditUsage inTokyo = answer.get(tokyoMonth).credits();
        assertThat(inTokyo.monthStart()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(inTokyo.used()).isEqualTo(40);

        CreditUsage inParis = answer.get(parisMonth).credits();
        assertThat(inParis.monthStart()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(inParis.used()).isEqualTo(700);
    }

    @Test
    void aSubscribedWorkspaceHasItsPlanCardSeatsAndCredits() {
        UUID plan = plan("team-starter", 10, 20_000_000);
        UUID acme = testData.workspace("Acme", PARIS, "acme-owner");
        testData.member(acme, "acme-admin", MemberRole.ADMIN);
        testData.member(acme, "acme-leaver", MemberRole.MEMBER);
        testData.deactivate(acme, "acme-leaver");
        subscribe(acme, plan, SubscriptionStatus.ACTIVE, 2, 5);
        card(acme, "Visa", "4242");
        purchased(acme, 3_000_000);

        MonthKey month = monthOf(acme, PARIS);
        Overview overview = overviews.find(List.of(month), NOW).get(month);

        assertThat(overview.subscription().plan().code()).isEqualTo("team-starter");
        assertThat(overview.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(overview.paymentMethod()).isEqualTo(new PaymentMethod(acme, "Visa", "4242", 12, 2028, false));
        // the leaver holds no seat: 2 used of 10 included and 2 extra
        assertThat(overview.seats()).isEqualTo(new SeatUsage(acme, 2, 10, 2, true));
        assertThat(overview.credits().includedMonthly()).isEqualTo(20_000_000);
        assertThat(overview.credits().extraMonthly()).isEqualTo(5_000_000);
        assertThat(overview.credits().purchasedRemaining()).isEqualTo(3_000_000);
    }

    @Test
    void aWorkspaceWithoutSubscriptionOrCardHasNeitherAndNothingPaidFor() {
        UUID newcomer = testData.workspace("Just started", PARIS, "newcomer");
        testData.member(newcomer, "colleague", MemberRole.MEMBER);
        used(newcomer, "2026-11-20", 1_000);

        MonthKey month = monthOf(newcomer, PARIS);
        Overview overview = overviews.find(List.of(month), NOW).get(month);

        assertThat(overview.subscription()).isNull();
        assertThat(overview.paymentMethod()).isNull();
        assertThat(overview.seats()).isEqualTo(new SeatUsage(newcomer, 2, 0, 0, false));
        assertThat(overview.credits().used()).isEqualTo(1_000);
        assertThat(overview.credits().includedMonthly() + overview.credits().extraMonthly()
                + overview.credits().purchasedRemaining()).isZero();
    }

    @Test
    void anEndedSubscriptionGrantsNoMonthlyCreditsButThePurchasedOnesRemain() {
        UUID plan = plan("team-starter", 10, 20_000_000);
        UUID gone = testData.workspace("Gone", PARIS, "gone-owner");
        subscribe(gone, plan, SubscriptionStatus.CANCELED, 2, 5);
        purchased(gone, 3_000_000);

        MonthKey month = monthOf(gone, PARIS);
        Overview overview = overviews.find(List.of(month), NOW).get(month);

        assertThat(overview.subscription().status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(overview.credits().includedMonthly()).isZero();
        assertThat(overview.credits().extraMonthly()).isZero();
        assertThat(overview.credits().purchasedRemaining()).isEqualTo(3_000_000);
        assertThat(overview.seats().renews()).isFalse();
    }

    /** The month the Overview asks for: the workspace's today where it is (as OverviewController computes it). */
    private static MonthKey monthOf(UUID workspace, String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        return new MonthKey(workspace, zoneId, LocalDate.ofInstant(NOW, zoneId));
    }


    private UUID plan(String code, int includedSeats, long includedMonthlyCredits) {
        UUID id = UUID.randomUUID();
        db.insertInto(PLANS).set(PLANS.ID, id).set(PLANS.CODE, code).set(PLANS.NAME, code).set(PLANS.CURRENCY, "EUR")
                .set(PLANS.INCLUDED_SEATS, includedSeats).set(PLANS.INCLUDED_MONTHLY_CREDITS, includedMonthlyCredits)
                .set(PLANS.MAX_EXTRA_SEATS, 40).set(PLANS.MONTHLY_PRICE_MINOR, 15_900L)
                .set(PLANS.EXTRA_SEAT_PRICE_MINOR, 1_500L).set(PLANS.EXTRA_CREDITS_PRICE_MINOR, 1_000L)
                .set(PLANS.DISPLAY_ORDER, 1).execute();
        return id;
    }

    private void subscribe(UUID workspace, UUID plan, SubscriptionStatus status, int extraSeats, long extraMillions) {
        boolean ended = status == SubscriptionStatus.CANCELED;
        db.insertInto(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.ID, UUID.randomUUID())
                .set(SUBSCRIPTIONS.WORKSPACE_ID, workspace)
                .set(SUBSCRIPTIONS.PLAN_ID, plan)
                .set(SUBSCRIPTIONS.BILLING_INTERVAL, BillingInterval.MONTH)
                .set(SUBSCRIPTIONS.STATUS, status)
                .set(SUBSCRIPTIONS.CURRENT_PERIOD_START, NOW.minus(Duration.ofDays(10)))
                .set(SUBSCRIPTIONS.CURRENT_PERIOD_END, NOW.plus(Duration.ofDays(20)))
                .set(SUBSCRIPTIONS.ENDED_AT, ended ? NOW.minus(Duration.ofDays(1)) : null)
                .set(SUBSCRIPTIONS.EXTRA_SEATS, extraSeats)
                .set(SUBSCRIPTIONS.EXTRA_CREDITS, extraMillions * 1_000_000L)
                .execute();
    }

    private void card(UUID workspace, String brand, String last4) {
        db.insertInto(PAYMENT_METHODS).set(PAYMENT_METHODS.WORKSPACE_ID, workspace).set(PAYMENT_METHODS.BRAND, brand)
                .set(PAYMENT_METHODS.LAST4, last4).set(PAYMENT_METHODS.EXP_MONTH, (short) 12)
                .set(PAYMENT_METHODS.EXP_YEAR, (short) 2028).execute();
    }

    private void purchased(UUID workspace, long remaining) {
        db.insertInto(CREDIT_BALANCES).set(CREDIT_BALANCES.WORKSPACE_ID, workspace)
                .set(CREDIT_BALANCES.PURCHASED_REMAINING, remaining).execute();
    }

    private void used(UUID workspace, String day, long credits) {
        db.insertInto(CREDIT_USAGE_DAILY).set(CREDIT_USAGE_DAILY.WORKSPACE_ID, workspace)
                .set(CREDIT_USAGE_DAILY.DAY, LocalDate.parse(day)).set(CREDIT_USAGE_DAILY.CREDITS, credits).execute();
    }
}
