package com.subscriptionbff.subscription;

import com.subscriptionbff.common.Money;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.subscription.Subscription.Cancellation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of the Overview card, with its edge cases written out. */
class SubscriptionTest {

    static final Instant NOW = Instant.parse("2026-02-28T12:00:00Z");
    static final Plan STARTER = new Plan(UUID.randomUUID(), "team-starter", "Team Starter", 10, 20_000_000, 40,
            Money.of(15_900, "EUR"), Money.of(159_000, "EUR"), Money.of(1_500, "EUR"), Money.of(1_000, "EUR"), Money.of(1_200, "EUR"));
    static final Plan FREE = new Plan(UUID.randomUUID(), "free", "Free", 3, 1_000_000, 0,
            Money.of(0, "EUR"), null, null, null, null);
    static final Plan NO_DISCOUNT = new Plan(UUID.randomUUID(), "flat", "Flat", 5, 0, 0,
            Money.of(10_000, "EUR"), Money.of(120_000, "EUR"), null, null, null);

    private static Subscription subscription(Plan plan, SubscriptionStatus status, BillingInterval interval,
                                             boolean cancelAtPeriodEnd, Instant trialStart, Instant trialEnd,
                                             int extraSeats, long extraCredits) {
        return Subscription.of(UUID.randomUUID(), UUID.randomUUID(), plan, status, interval,
                new BillingPeriod(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(20))), cancelAtPeriodEnd,
                null, cancelAtPeriodEnd ? new Cancellation(CancellationReason.OTHER, null, NOW) : null,
                trialStart, trialEnd, extraSeats, extraCredits, null, NOW);
    }

    private static Subscription active(Plan plan, BillingInterval interval) {
        return subscription(plan, SubscriptionStatus.ACTIVE, interval, false, null, null, 0, 0);
    }

    @Test
    void trialDaysLeftAreRoundedUpAndZeroOnceOver() {
        Instant start = NOW.minus(Duration.ofDays(10));
        assertThat(subscription(STARTER, SubscriptionStatus.TRIALING, BillingInterval.MONTH, false, start,
                NOW.plus(Duration.ofDays(20)).minus(Duration.ofHours(3)), 0, 0).trial().daysLeft()).isEqualTo(20);
        assertThat(subscription(STARTER, SubscriptionStatus.TRIALING, BillingInterval.MONTH, false, start,
                NOW.plus(Duration.ofDays(1)), 0, 0).trial().daysLeft()).isEqualTo(1);
        assertThat(subscription(STARTER, SubscriptionStatus.TRIALING, BillingInterval.MONTH, false, start,
                NOW.plusSeconds(1), 0, 0).trial().daysLeft()).isEqualTo(1);
        var ended = subscription(STARTER, SubscriptionStatus.TRIALING, BillingInterval.MONTH, false, start, NOW, 0, 0);
        assertThat(ended.trial().active()).isFalse();
        assertThat(ended.trial().daysLeft()).isZero();
        assertThat(ended.paymentRequired()).isTrue();
    }

    @Test
    void aRunningTrialBillsAtItsEnd() {
        Instant trialEnd = NOW.plus(Duration.ofDays(5));
        var trialing = subscription(STARTER, SubscriptionStatus.TRIALING, BillingInterval.MONTH, false,
                NOW.minus(Duration.ofDays(25)), trialEnd, 0, 0);
        assertThat(trialing.nextBillingDate()).isEqualTo(trialEnd);
        assertThat(trialing.trial().active()).isTrue();
        assertThat(trialing.paymentRequired()).isFalse();
    }

    @Test
    void monthlyEligibleSubscriptionGetsTheAnnualOfferComputedFromTheCatalog() {
        var offer = active(STARTER, BillingInterval.MONTH).annualBillingOffer();
        assertThat(offer.annualPrice()).isEqualTo(Money.of(159_000, "EUR"));
        assertThat(offer.monthlyPriceOverYear()).isEqualTo(Money.of(190_800, "EUR"));
        assertThat(offer.savingsPerYear()).isEqualTo(Money.of(31_800, "EUR"));
        assertThat(offer.savingsPercent()).hasToString("16.67");
    }

    @Test
    void noAnnualOfferWhenAnnualAlreadyFreeNoSavingsCancelledOrInTrouble() {
        assertThat(active(STARTER, BillingInterval.YEAR).annualBillingOffer()).isNull();
        assertThat(active(FREE, BillingInterval.MONTH).annualBillingOffer()).isNull();
        assertThat(active(NO_DISCOUNT, BillingInterval.MONTH).annualBillingOffer()).isNull();
        assertThat(subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, true, null, null, 0, 0)
                .annualBillingOffer()).isNull();
        assertThat(subscription(STARTER, SubscriptionStatus.PAST_DUE, BillingInterval.MONTH, false, null, null, 0, 0)
                .annualBillingOffer()).isNull();
    }

    @Test
    void addOnsArePricedPerIntervalAndAddUpToTheRecurringTotal() {
        var monthly = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, false, null, null, 2, 5_000_000);
        assertThat(monthly.customization().extraSeatsPrice()).isEqualTo(Money.of(3_000, "EUR"));
        assertThat(monthly.customization().extraCreditsPrice()).isEqualTo(Money.of(5_000, "EUR"));
        assertThat(monthly.recurringTotal()).isEqualTo(Money.of(23_900, "EUR"));
        assertThat(monthly.customization().remainingExtraSeats()).isEqualTo(38);
        var annual = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.YEAR, false, null, null, 2, 5_000_000);
        assertThat(annual.price()).isEqualTo(Money.of(159_000, "EUR"));
        assertThat(annual.customization().unitSeatPrice()).isEqualTo(Money.of(18_000, "EUR"));
        assertThat(annual.recurringTotal()).isEqualTo(Money.of(159_000 + 2 * 18_000 + 5 * 12_000, "EUR"));
    }

    @Test
    void cancelledAtPeriodEndStopsRenewingButStaysActive() {
        var cancelled = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, true, null, null, 0, 0);
        assertThat(cancelled.autoRenew()).isFalse();
        assertThat(cancelled.endsAt()).isEqualTo(cancelled.currentPeriod().end());
        assertThat(cancelled.nextBillingDate()).isNull();
        assertThat(cancelled.paymentRequired()).isFalse();
    }

    @Test
    void paymentProblemsRaiseTheBanner() {
        for (var status : new SubscriptionStatus[]{SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID,
                SubscriptionStatus.INCOMPLETE}) {
            assertThat(subscription(STARTER, status, BillingInterval.MONTH, false, null, null, 0, 0).paymentRequired())
                    .as(status.name()).isTrue();
        }
        assertThat(active(STARTER, BillingInterval.MONTH).paymentRequired()).isFalse();
    }

    @Test
    void freePlansNeverBill() {
        var free = active(FREE, BillingInterval.MONTH);
        assertThat(free.nextBillingDate()).isNull();
        assertThat(free.recurringTotal()).isEqualTo(Money.of(0, "EUR"));
        assertThat(free.customization().unitSeatPrice()).isNull();
        assertThat(free.customization().hasAddOns()).isFalse();
    }
}
