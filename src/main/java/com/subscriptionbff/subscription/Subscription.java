package com.subscriptionbff.subscription;

import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.common.Percent;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.Plan;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The Overview card: the current subscription as of `now`, with everything derived from the catalog. */
public record Subscription(
        UUID subscriptionId,
        UUID workspaceId,
        Plan plan,
        SubscriptionStatus status,
        BillingInterval billingInterval,
        BillingPeriod currentPeriod,
        boolean cancelAtPeriodEnd,
        Instant endedAt,
        Cancellation cancellation,
        Trial trial,
        int extraSeats,
        long extraCredits,
        ScheduledPlanChange scheduledChange,
        boolean paymentRequired,
        Dunning dunning) {

    private static final Set<SubscriptionStatus> PAYMENT_PROBLEMS =
            EnumSet.of(SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID, SubscriptionStatus.INCOMPLETE);

    /** A change Stripe makes at the end of the period (a downgrade), until it is withdrawn. */
    public record ScheduledPlanChange(Plan plan, BillingInterval billingInterval, Instant effectiveAt) {
    }

    public record Cancellation(CancellationReason reason, String comment, Instant canceledAt) {
    }

    /**
     * The "Payment required" banner of a past-due or unpaid subscription: since when, Stripe's next try of the open
     * invoice (null once it stopped trying), when the paid plan ends if no payment succeeds, and what fixes it.
     */
    public record Dunning(Instant since, Instant nextRetryAt, Instant accessEndsAt, String action) {

        /** The one fix a manager can make: a new payment method, which Stripe then charges for the open invoice. */
        public static final String UPDATE_PAYMENT_METHOD = "UPDATE_PAYMENT_METHOD";
    }

    /** The same card with its banner's details (they come from the columns of another table). */
    public Subscription withDunning(Instant failingSince, Instant nextRetryAt, Duration retryWindow) {
        if (!paymentRequired || failingSince == null) {
            return this;
        }
        return new Subscription(subscriptionId, workspaceId, plan, status, billingInterval, currentPeriod,
                cancelAtPeriodEnd, endedAt, cancellation, trial, extraSeats, extraCredits, scheduledChange, true,
                new Dunning(failingSince, nextRetryAt, failingSince.plus(retryWindow), Dunning.UPDATE_PAYMENT_METHOD));
    }

    public record Trial(boolean active, Instant startedAt, Instant endsAt, int daysLeft) {

        static Trial of(Instant start, Instant end, Instant now) {
            if (start == null || end == null) {
                return null;
            }
            boolean active = now.isBefore(end);
            long secondsLeft = active ? Duration.between(now, end).toSeconds() : 0;
            int daysLeft = (int) ((secondsLeft + Duration.ofDays(1).toSeconds() - 1) / Duration.ofDays(1).toSeconds());
            return new Trial(active, start, end, daysLeft);
        }
    }

    public record PlanCustomization(
            boolean hasAddOns,
            int extraSeats,
            Money extraSeatsPrice,
            long extraCredits,
            Money extraCreditsPrice,
            Money unitSeatPrice,
            Money unitCreditsPricePerMillion,
            int remainingExtraSeats) {
    }

    public record AnnualBillingOffer(Money annualPrice, Money monthlyPriceOverYear, Money savingsPerYear,
                                     java.math.BigDecimal savingsPercent) {
    }

    /** Builds the card as of `now`: trial days left and the payment banner depend on it. */
    public static Subscription of(UUID subscriptionId, UUID workspaceId, Plan plan, SubscriptionStatus status,
                                  BillingInterval interval, BillingPeriod period, boolean cancelAtPeriodEnd,
                                  Instant endedAt, Cancellation cancellation, Instant trialStart, Instant trialEnd,
                                  int extraSeats, long extraCredits, ScheduledPlanChange scheduledChange,
                                  Instant now) {
        Trial trial = Trial.of(trialStart, trialEnd, now);
        boolean trialOverUnpaid = status == SubscriptionStatus.TRIALING && trial != null && !trial.active();
        return new Subscription(subscriptionId, workspaceId, plan, status, interval, period, cancelAtPeriodEnd,
                endedAt, cancellation, trial, extraSeats, extraCredits, scheduledChange,
                PAYMENT_PROBLEMS.contains(status) || trialOverUnpaid, null);
    }

    /** The same subscription on other terms: what a change would make of it, for its preview. */
    Subscription with(Plan newPlan, BillingInterval newInterval, int newExtraSeats, long newExtraCredits) {
        return new Subscription(subscriptionId, workspaceId, newPlan, status, newInterval, currentPeriod,
                cancelAtPeriodEnd, endedAt, cancellation, trial, newExtraSeats, newExtraCredits, scheduledChange,
                paymentRequired, dunning);
    }

    public String id() {
        return GlobalId.of("Subscription", subscriptionId);
    }

    public Money price() {
        return plan.priceFor(billingInterval);
    }

    public Money recurringTotal() {
        PlanCustomization addOns = customization();
        return price().plus(addOns.extraSeatsPrice()).plus(addOns.extraCreditsPrice());
    }

    public boolean autoRenew() {
        return !cancelAtPeriodEnd && status != SubscriptionStatus.CANCELED;
    }

    public Instant nextBillingDate() {
        if (!autoRenew() || plan.isFree()) {
            return null;
        }
        return trial != null && trial.active() ? trial.endsAt() : currentPeriod.end();
    }

    public Instant endsAt() {
        if (status == SubscriptionStatus.CANCELED) {
            return endedAt;
        }
        return cancelAtPeriodEnd ? currentPeriod.end() : null;
    }

    public PlanCustomization customization() {
        Money unitSeat = plan.extraSeatPriceFor(billingInterval);
        Money unitCredits = plan.extraCreditsPricePerMillionFor(billingInterval);
        Money zero = Money.zero(plan.currency());
        Money seatsPrice = unitSeat == null ? zero : unitSeat.times(extraSeats);
        Money creditsPrice = unitCredits == null ? zero : unitCredits.times(extraCredits / Plan.CREDITS_PER_UNIT);
        return new PlanCustomization(extraSeats > 0 || extraCredits > 0, extraSeats, seatsPrice, extraCredits,
                creditsPrice, unitSeat, unitCredits, Math.max(plan.maxExtraSeats() - extraSeats, 0));
    }

    /**
     * Offered to a monthly subscription in good standing whose plan has an annual price below twelve monthly
     * payments; computed from the catalog, never stored.
     */
    public AnnualBillingOffer annualBillingOffer() {
        boolean inGoodStanding = status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.TRIALING;
        if (billingInterval != BillingInterval.MONTH || !inGoodStanding || cancelAtPeriodEnd
                || plan.annualPrice() == null || plan.isFree()) {
            return null;
        }
        Money yearOfMonths = plan.monthlyPrice().times(12);
        Money savings = yearOfMonths.minus(plan.annualPrice());
        if (savings.minorUnits() <= 0) {
            return null;
        }
        return new AnnualBillingOffer(plan.annualPrice(), yearOfMonths, savings,
                Percent.of(savings.minorUnits(), yearOfMonths.minorUnits()));
    }
}
