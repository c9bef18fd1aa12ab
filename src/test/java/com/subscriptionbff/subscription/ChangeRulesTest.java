package com.subscriptionbff.subscription;

import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.subscription.ChangeRules.Allowed;
import com.subscriptionbff.subscription.ChangeRules.Decision;
import com.subscriptionbff.subscription.ChangeRules.Refused;
import com.subscriptionbff.subscription.Subscription.Cancellation;
import com.subscriptionbff.subscription.Subscription.ScheduledPlanChange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of each change, with the edge cases written out: what is refused, and what is billed otherwise. */
class ChangeRulesTest {

    static final Instant NOW = Instant.parse("2026-11-15T10:00:00Z");
    static final BillingPeriod PERIOD = new BillingPeriod(NOW.minus(Duration.ofDays(14)), NOW.plus(Duration.ofDays(16)));
    // 10 seats included, at most 40 extra at 15.00, extra credits at 10.00 per million
    static final Plan STARTER = new Plan(UUID.randomUUID(), "team-starter", "Team Starter", 10, 20_000_000, 40,
            Money.of(15_900, "EUR"), Money.of(159_000, "EUR"), Money.of(1_500, "EUR"), Money.of(1_000, "EUR"),
            Money.of(1_200, "EUR"));
    static final Plan PRO = new Plan(UUID.randomUUID(), "team-pro", "Team Pro", 25, 100_000_000, 5,
            Money.of(39_900, "EUR"), Money.of(399_000, "EUR"), Money.of(1_200, "EUR"), null, null);
    static final Plan MONTHLY_ONLY_BASIC = new Plan(UUID.randomUUID(), "basic", "Basic", 3, 1_000_000, 0,
            Money.of(900, "EUR"), null, null, null, null);
    static final Plan MONTHLY_ONLY_PREMIUM = new Plan(UUID.randomUUID(), "premium", "Premium", 50, 1_000_000, 0,
            Money.of(99_900, "EUR"), null, null, null, null);
    static final Plan PRO_USD = new Plan(UUID.randomUUID(), "team-pro-usd", "Team Pro", 25, 100_000_000, 5,
            Money.of(39_900, "USD"), Money.of(399_000, "USD"), null, null, null);

    static Subscription subscription(Plan plan, SubscriptionStatus status, BillingInterval interval,
                                     boolean cancelAtPeriodEnd, int extraSeats, long extraCredits,
                                     ScheduledPlanChange scheduled) {
        return Subscription.of(UUID.randomUUID(), UUID.randomUUID(), plan, status, interval, PERIOD,
                cancelAtPeriodEnd, status == SubscriptionStatus.CANCELED ? NOW.minus(Duration.ofDays(1)) : null,
                cancelAtPeriodEnd ? new Cancellation(CancellationReason.OTHER, null, NOW) : null, null, null,
                extraSeats, extraCredits, scheduled, NOW);
    }

    static Subscription starter(int extraSeats, long extraCredits) {
        return subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, false, extraSeats,
                extraCredits, null);
    }

    static Subscription on(Plan plan, BillingInterval interval) {
        return subscription(plan, SubscriptionStatus.ACTIVE, interval, false, 0, 0, null);
    }

    static UserError refusal(Decision decision) {
        assertThat(decision).isInstanceOf(Refused.class);
        return ((Refused) decision).errors().getFirst();
    }

    static PlanTerms terms(Decision decision) {
        assertThat(decision).isInstanceOf(Allowed.class);
        return ((Allowed) decision).terms();
    }

    @Nested
    class CustomizePlan {

        @Test
        void moreSeatsAndCreditsKeepThePlanAndInterval() {
            var decision = ChangeRules.customizePlan(starter(2, 5_000_000), 5, 5, 7_000_000L);
            assertThat(decision).isEqualTo(new Allowed(
                    new PlanTerms(STARTER, BillingInterval.MONTH, 5, 7_000_000), false));
            assertThat(terms(decision).extraCreditMillions()).isEqualTo(7);
        }

        @Test
        void anOmittedQuantityKeepsWhatTheSubscriptionHas() {
            assertThat(terms(ChangeRules.customizePlan(starter(2, 5_000_000), 5, null, 0L)))
                    .isEqualTo(new PlanTerms(STARTER, BillingInterval.MONTH, 2, 0));
            assertThat(terms(ChangeRules.customizePlan(starter(2, 5_000_000), 5, 0, null)))
                    .isEqualTo(new PlanTerms(STARTER, BillingInterval.MONTH, 0, 5_000_000));
        }

        @Test
        void theSameQuantitiesAreNoChange() {
            assertThat(refusal(ChangeRules.customizePlan(starter(2, 5_000_000), 5, 2, 5_000_000L)).code())
                    .isEqualTo(Code.NO_CHANGE);
            assertThat(refusal(ChangeRules.customizePlan(starter(2, 5_000_000), 5, null, null)).code())
                    .isEqualTo(Code.NO_CHANGE);
        }

        @Test
        void malformedQuantitiesAreRefusedBeforeAnythingElseBothAtOnce() {
            var ended = subscription(STARTER, SubscriptionStatus.CANCELED, BillingInterval.MONTH, false, 0, 0, null);
            var refused = (Refused) ChangeRules.customizePlan(ended, 5, -1, 1_500_000L);
            assertThat(refused.errors()).extracting(UserError::code, UserError::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Code.INVALID_QUANTITY, java.util.List.of("input", "extraSeats")),
                    org.assertj.core.groups.Tuple.tuple(Code.INVALID_QUANTITY,
                            java.util.List.of("input", "extraCredits")));
        }

        @Test
        void creditsAreSoldByTheMillionUpToATrillion() {
            assertThat(refusal(ChangeRules.customizePlan(starter(0, 0), 5, 0, -1_000_000L)).code())
                    .isEqualTo(Code.INVALID_QUANTITY);
            assertThat(refusal(ChangeRules.customizePlan(starter(0, 0), 5, 0, 999_999L)).code())
                    .isEqualTo(Code.INVALID_QUANTITY);
            assertThat(refusal(ChangeRules.customizePlan(starter(0, 0), 5, 0, 1_000_001_000_000L)).code())
                    .isEqualTo(Code.INVALID_QUANTITY);
            assertThat(terms(ChangeRules.customizePlan(starter(0, 0), 5, 0, 1_000_000_000_000L)).extraCreditMillions())
                    .isEqualTo(1_000_000);
        }

        @Test
        void seatsUpToThePlansMaximumAndNeverBelowTheMembersInUse() {
            assertThat(terms(ChangeRules.customizePlan(starter(0, 0), 5, 40, null)).extraSeats()).isEqualTo(40);
            var above = refusal(ChangeRules.customizePlan(starter(0, 0), 5, 41, null));
            assertThat(above.code()).isEqualTo(Code.ABOVE_PLAN_LIMIT);
            assertThat(above.message()).isEqualTo("the Team Starter plan sells at most 40 extra seats");
            // 12 members need 2 extra seats over the 10 included: exactly 2 is enough, 1 is not
            assertThat(terms(ChangeRules.customizePlan(starter(3, 0), 12, 2, null)).extraSeats()).isEqualTo(2);
            var below = refusal(ChangeRules.customizePlan(starter(3, 0), 12, 1, null));
            assertThat(below.code()).isEqualTo(Code.BELOW_SEATS_IN_USE);
            assertThat(below.message()).isEqualTo("12 members are active: the plan needs at least 12 seats");
            assertThat(below.field()).containsExactly("input", "extraSeats");
        }

        @Test
        void addOnsThePlanDoesNotSellAreRefused() {
            var onPro = subscription(PRO, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, false, 0, 0, null);
            var credits = refusal(ChangeRules.customizePlan(onPro, 5, null, 1_000_000L));
            assertThat(credits.code()).isEqualTo(Code.ADD_ONS_NOT_SOLD);
            assertThat(credits.field()).containsExactly("input", "extraCredits");
            var onBasic = on(MONTHLY_ONLY_BASIC, BillingInterval.MONTH);
            assertThat(refusal(ChangeRules.customizePlan(onBasic, 1, 1, null)).code()).isEqualTo(Code.ADD_ONS_NOT_SOLD);
        }

        @Test
        void anEndedSubscriptionOrAScheduledChangeBlocksIt() {
            var ended = subscription(STARTER, SubscriptionStatus.CANCELED, BillingInterval.MONTH, false, 0, 0, null);
            assertThat(refusal(ChangeRules.customizePlan(ended, 1, 3, null)).code()).isEqualTo(Code.SUBSCRIPTION_ENDED);
            var scheduled = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, false, 0, 0,
                    new ScheduledPlanChange(MONTHLY_ONLY_BASIC, BillingInterval.MONTH, PERIOD.end()));
            assertThat(refusal(ChangeRules.customizePlan(scheduled, 1, 3, null)).code()).isEqualTo(Code.NOT_ALLOWED);
        }
    }

    @Nested
    class SwitchToAnnualBilling {

        @Test
        void aMonthlySubscriptionKeepsItsPlanAndAddOnsAtTheAnnualPricesNow() {
            assertThat(ChangeRules.switchToAnnualBilling(starter(2, 5_000_000))).isEqualTo(new Allowed(
                    new PlanTerms(STARTER, BillingInterval.YEAR, 2, 5_000_000), false));
        }

        @Test
        void annualAlreadyEndedScheduledOrWithoutOfferIsRefused() {
            assertThat(refusal(ChangeRules.switchToAnnualBilling(on(STARTER, BillingInterval.YEAR))).code())
                    .isEqualTo(Code.NOT_ELIGIBLE);
            var ended = subscription(STARTER, SubscriptionStatus.CANCELED, BillingInterval.MONTH, false, 0, 0, null);
            assertThat(refusal(ChangeRules.switchToAnnualBilling(ended)).code()).isEqualTo(Code.SUBSCRIPTION_ENDED);
            var scheduled = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, false, 0, 0,
                    new ScheduledPlanChange(PRO, BillingInterval.MONTH, PERIOD.end()));
            assertThat(refusal(ChangeRules.switchToAnnualBilling(scheduled)).code()).isEqualTo(Code.NOT_ALLOWED);
            // no annual price, a cancelled subscription, a late payment: no annual billing offer
            assertThat(refusal(ChangeRules.switchToAnnualBilling(on(MONTHLY_ONLY_BASIC, BillingInterval.MONTH)))
                    .message()).isEqualTo("the Basic plan offers no annual billing to this subscription");
            var cancelled = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, true, 0, 0, null);
            assertThat(refusal(ChangeRules.switchToAnnualBilling(cancelled)).code()).isEqualTo(Code.NOT_ELIGIBLE);
            var pastDue = subscription(STARTER, SubscriptionStatus.PAST_DUE, BillingInterval.MONTH, false, 0, 0, null);
            assertThat(refusal(ChangeRules.switchToAnnualBilling(pastDue)).code()).isEqualTo(Code.NOT_ELIGIBLE);
        }
    }

    @Nested
    class ChangePlan {

        @Test
        void anUpgradeAppliesNowAndCarriesTheAddOnsTheNewPlanSells() {
            // Pro sells at most 5 extra seats and no extra credits
            assertThat(ChangeRules.changePlan(starter(8, 5_000_000), PRO, null)).isEqualTo(new Allowed(
                    new PlanTerms(PRO, BillingInterval.MONTH, 5, 0), false));
        }

        @Test
        void aDowngradeWaitsForThePeriodEnd() {
            var decision = (Allowed) ChangeRules.changePlan(starter(2, 0), MONTHLY_ONLY_BASIC, null);
            assertThat(decision.atPeriodEnd()).isTrue();
            assertThat(decision.terms()).isEqualTo(new PlanTerms(MONTHLY_ONLY_BASIC, BillingInterval.MONTH, 0, 0));
        }

        @Test
        void anAnnualDowngradeToAPlanSoldMonthlyOnlyBillsMonthlyFromThePeriodEnd() {
            var decision = (Allowed) ChangeRules.changePlan(on(STARTER, BillingInterval.YEAR), MONTHLY_ONLY_BASIC,
                    BillingInterval.YEAR);
            assertThat(decision.atPeriodEnd()).isTrue();
            assertThat(decision.terms().interval()).isEqualTo(BillingInterval.MONTH);
        }

        @Test
        void anUpgradeToAPlanNotSoldAnnuallyIsRefusedOnAnnualBilling() {
            var refused = refusal(ChangeRules.changePlan(on(STARTER, BillingInterval.YEAR), MONTHLY_ONLY_PREMIUM, null));
            assertThat(refused.code()).isEqualTo(Code.PLAN_UNAVAILABLE);
            assertThat(refused.message()).isEqualTo("the Premium plan is not sold annually");
        }

        @Test
        void annualBillingCannotGoBackToMonthlyBeforeItsPeriodEnds() {
            var refused = refusal(ChangeRules.changePlan(on(STARTER, BillingInterval.YEAR), PRO, BillingInterval.MONTH));
            assertThat(refused.code()).isEqualTo(Code.ANNUAL_COMMITMENT);
            assertThat(refused.field()).containsExactly("input", "billingInterval");
        }

        @Test
        void theSamePlanAtAnotherIntervalIsAChangeAtTheSameIntervalIsNot() {
            assertThat(terms(ChangeRules.changePlan(starter(0, 0), STARTER, BillingInterval.YEAR)).interval())
                    .isEqualTo(BillingInterval.YEAR);
            assertThat(refusal(ChangeRules.changePlan(starter(0, 0), STARTER, null)).code()).isEqualTo(Code.NO_CHANGE);
        }

        @Test
        void anUnknownPlanOrAnotherCurrencyIsUnavailable() {
            assertThat(refusal(ChangeRules.changePlan(starter(0, 0), null, null)).code())
                    .isEqualTo(Code.PLAN_UNAVAILABLE);
            var otherCurrency = refusal(ChangeRules.changePlan(starter(0, 0), PRO_USD, null));
            assertThat(otherCurrency.code()).isEqualTo(Code.PLAN_UNAVAILABLE);
            assertThat(otherCurrency.message()).isEqualTo("the Team Pro plan is billed in USD and this subscription in EUR");
        }

        @Test
        void anEndedOrCancelledSubscriptionCannotChangePlan() {
            var ended = subscription(STARTER, SubscriptionStatus.CANCELED, BillingInterval.MONTH, false, 0, 0, null);
            assertThat(refusal(ChangeRules.changePlan(ended, PRO, null)).code()).isEqualTo(Code.SUBSCRIPTION_ENDED);
            var cancelled = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, true, 0, 0, null);
            assertThat(refusal(ChangeRules.changePlan(cancelled, PRO, null)).code()).isEqualTo(Code.ALREADY_CANCELED);
        }
    }

    @Nested
    class CancelAndReactivate {

        @Test
        void aRenewingSubscriptionMayBeCancelledOnce() {
            assertThat(ChangeRules.cancel(starter(0, 0))).isEmpty();
            var cancelled = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, true, 0, 0, null);
            assertThat(ChangeRules.cancel(cancelled)).get().extracting(UserError::code).isEqualTo(Code.ALREADY_CANCELED);
            assertThat(ChangeRules.cancel(cancelled).orElseThrow().message())
                    .isEqualTo("the subscription is already cancelled: it ends on " + PERIOD.end());
            var ended = subscription(STARTER, SubscriptionStatus.CANCELED, BillingInterval.MONTH, false, 0, 0, null);
            assertThat(ChangeRules.cancel(ended)).get().extracting(UserError::code).isEqualTo(Code.SUBSCRIPTION_ENDED);
        }

        @Test
        void aCancelledSubscriptionMayBeReactivatedUntilTheLastInstantOfItsPeriod() {
            var cancelled = subscription(STARTER, SubscriptionStatus.ACTIVE, BillingInterval.MONTH, true, 0, 0, null);
            assertThat(ChangeRules.reactivate(cancelled, NOW)).isEmpty();
            assertThat(ChangeRules.reactivate(cancelled, PERIOD.end().minusMillis(1))).isEmpty();
            assertThat(ChangeRules.reactivate(cancelled, PERIOD.end())).get().extracting(UserError::code)
                    .isEqualTo(Code.SUBSCRIPTION_ENDED);
        }

        @Test
        void aRenewingOrEndedSubscriptionCannotBeReactivated() {
            assertThat(ChangeRules.reactivate(starter(0, 0), NOW)).get().extracting(UserError::code)
                    .isEqualTo(Code.NOT_CANCELED);
            var ended = subscription(STARTER, SubscriptionStatus.CANCELED, BillingInterval.MONTH, true, 0, 0, null);
            assertThat(ChangeRules.reactivate(ended, NOW)).get().extracting(UserError::code)
                    .isEqualTo(Code.SUBSCRIPTION_ENDED);
        }

        @Test
        void onlyAScheduledChangeCanBeWithdrawn() {
            assertThat(ChangeRules.withdrawScheduledChange(null)).get().extracting(UserError::code)
                    .isEqualTo(Code.NO_SCHEDULED_CHANGE);
            assertThat(ChangeRules.withdrawScheduledChange("sub_sched_1")).isEmpty();
        }
    }

    @Nested
    class ProrationDate {

        @Test
        void aPreviewUpToAnHourOldInThisPeriodIsCharged() {
            assertThat(ChangeRules.prorationDate(NOW, NOW, PERIOD)).isEmpty();
            assertThat(ChangeRules.prorationDate(NOW.minus(Duration.ofHours(1)), NOW, PERIOD)).isEmpty();
        }

        @Test
        void anOlderFutureOrPreviousPeriodsPreviewHasExpired() {
            assertThat(ChangeRules.prorationDate(NOW.minus(Duration.ofHours(1)).minusSeconds(1), NOW, PERIOD)).get()
                    .extracting(UserError::code).isEqualTo(Code.PREVIEW_EXPIRED);
            assertThat(ChangeRules.prorationDate(NOW.plusSeconds(1), NOW, PERIOD)).get()
                    .extracting(UserError::code).isEqualTo(Code.PREVIEW_EXPIRED);
            // the period began 10 minutes ago: a preview of 20 minutes ago priced the previous one
            var justRenewed = new BillingPeriod(NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofDays(30)));
            assertThat(ChangeRules.prorationDate(NOW.minus(Duration.ofMinutes(20)), NOW, justRenewed)).get()
                    .extracting(UserError::field).isEqualTo(java.util.List.of("input", "prorationDate"));
        }
    }
}
