package com.subscriptionbff.subscription;

import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.common.UserError;
import com.subscriptionbff.common.UserError.Code;
import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.SubscriptionStatus;
import com.subscriptionbff.plan.Plan;
import com.subscriptionbff.plan.SalesContact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each change may do, given the subscription as it is and the catalog: a refusal (the user errors), or the terms
 * to bill, now or from the period end. Pure: no database, no Stripe, no clock of its own.
 */
final class ChangeRules {

    static final long MAX_EXTRA_CREDITS = 1_000_000_000_000L;
    /** How old a preview's proration date may be: older previews are previewed again. */
    static final Duration PREVIEW_VALIDITY = Duration.ofHours(1);

    private ChangeRules() {
    }

    /** What the rules of a change of terms decide. */
    sealed interface Decision permits Refused, Allowed {
    }

    record Refused(List<UserError> errors) implements Decision {

        Refused(Code code, String message, String... field) {
            this(List.of(UserError.of(code, message, field)));
        }
    }

    /** The terms to bill, now (prorated) or from the end of the current period (a downgrade). */
    record Allowed(PlanTerms terms, boolean atPeriodEnd) implements Decision {
    }

    /** Extra seats and credits on the same plan; a null quantity keeps what the subscription has. */
    static Decision customizePlan(Subscription current, int activeMembers, Integer extraSeats, Long extraCredits) {
        Plan plan = current.plan();
        int seats = extraSeats == null ? current.extraSeats() : extraSeats;
        long credits = extraCredits == null ? current.extraCredits() : extraCredits;
        List<UserError> errors = new ArrayList<>();
        if (seats < 0) {
            errors.add(UserError.of(Code.INVALID_QUANTITY, "extra seats cannot be negative", "input", "extraSeats"));
        }
        if (credits < 0 || credits > MAX_EXTRA_CREDITS || credits % Plan.CREDITS_PER_UNIT != 0) {
            errors.add(UserError.of(Code.INVALID_QUANTITY,
                    "extra credits are sold by the million: 0, 1000000, 2000000...", "input", "extraCredits"));
        }
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        ended(current).ifPresent(errors::add);
        if (current.scheduledChange() != null) {
            errors.add(UserError.of(Code.NOT_ALLOWED,
                    "a plan change is scheduled for the end of the period: withdraw it before customizing"));
        }
        Optional<UserError> seatsRefused = extraSeats(plan, seats);
        if (seatsRefused.isPresent()) {
            errors.add(seatsRefused.get());
        } else if (plan.includedSeats() + seats < activeMembers) {
            errors.add(UserError.of(Code.BELOW_SEATS_IN_USE, activeMembers + " members are active: the plan needs "
                    + "at least " + activeMembers + " seats", "input", "extraSeats"));
        }
        if (credits > 0 && plan.extraCreditsPricePerMillion() == null) {
            errors.add(UserError.of(Code.ADD_ONS_NOT_SOLD, "the " + plan.name() + " plan sells no extra credits",
                    "input", "extraCredits"));
        }
        if (errors.isEmpty() && seats == current.extraSeats() && credits == current.extraCredits()) {
            errors.add(UserError.of(Code.NO_CHANGE, "the plan already has these extra seats and credits"));
        }
        return errors.isEmpty()
                ? new Allowed(new PlanTerms(plan, current.billingInterval(), seats, credits), false)
                : new Refused(errors);
    }

    /** The same plan and add-ons at the annual prices, now: offered only where the annual billing offer is. */
    static Decision switchToAnnualBilling(Subscription current) {
        if (current.billingInterval() == BillingInterval.YEAR) {
            return new Refused(Code.NOT_ELIGIBLE, "the subscription is already billed annually");
        }
        var ended = ended(current);
        if (ended.isPresent()) {
            return new Refused(List.of(ended.get()));
        }
        if (current.scheduledChange() != null) {
            return new Refused(Code.NOT_ALLOWED,
                    "a plan change is scheduled for the end of the period: withdraw it before switching");
        }
        if (current.annualBillingOffer() == null) {
            return new Refused(Code.NOT_ELIGIBLE, "the " + current.plan().name()
                    + " plan offers no annual billing to this subscription");
        }
        return new Allowed(new PlanTerms(current.plan(), BillingInterval.YEAR, current.extraSeats(),
                current.extraCredits()), false);
    }

    /**
     * Another plan (`target`, null when the catalog has no such plan) at the asked interval (null: the current one).
     * An upgrade (a higher monthly price) takes effect now, prorated; a downgrade waits for the end of the period.
     * Extra seats and credits are carried over as far as the new plan sells them. Annual billing cannot go back to
     * monthly before its period ends. The new plan must bill in the subscription's currency.
     */
    static Decision changePlan(Subscription current, Plan target, BillingInterval askedInterval) {
        var ended = ended(current);
        if (ended.isPresent()) {
            return new Refused(List.of(ended.get()));
        }
        if (current.cancelAtPeriodEnd()) {
            return new Refused(Code.ALREADY_CANCELED,
                    "the subscription is cancelled: reactivate it before changing plan");
        }
        if (target == null) {
            return new Refused(Code.PLAN_UNAVAILABLE, "no plan with this id", "input", "planId");
        }
        if (!target.currency().equals(current.plan().currency())) {
            // a Stripe subscription bills in one currency, and prices of two can be neither compared nor prorated
            return new Refused(Code.PLAN_UNAVAILABLE, "the " + target.name() + " plan is billed in "
                    + target.currency() + " and this subscription in " + current.plan().currency(), "input", "planId");
        }
        BillingInterval interval = askedInterval == null ? current.billingInterval() : askedInterval;
        if (current.billingInterval() == BillingInterval.YEAR && interval == BillingInterval.MONTH) {
            return new Refused(Code.ANNUAL_COMMITMENT, "annual billing cannot be switched back to monthly before the "
                    + "period ends on " + current.currentPeriod().end(), "input", "billingInterval");
        }
        if (target.planId().equals(current.plan().planId()) && interval == current.billingInterval()) {
            return new Refused(Code.NO_CHANGE, "the subscription is already on this plan", "input", "planId");
        }
        boolean downgrade = target.priceFor(BillingInterval.MONTH).minorUnits()
                < current.plan().priceFor(BillingInterval.MONTH).minorUnits();
        if (interval == BillingInterval.YEAR && target.annualPrice() == null) {
            if (!downgrade) {
                return new Refused(Code.PLAN_UNAVAILABLE, "the " + target.name() + " plan is not sold annually",
                        "input", "planId");
            }
            interval = BillingInterval.MONTH; // from the end of the annual period, the plan bills monthly
        }
        int seats = target.extraSeatPrice() == null ? 0 : Math.min(current.extraSeats(), target.maxExtraSeats());
        long credits = target.extraCreditsPricePerMillion() == null ? 0 : current.extraCredits();
        return new Allowed(new PlanTerms(target, interval, seats, credits), downgrade);
    }

    /** A change applied now is prorated as of its preview's date: at most an hour old, in the current period. */
    static Optional<UserError> prorationDate(Instant prorateAt, Instant now, BillingPeriod period) {
        if (prorateAt.isAfter(now) || prorateAt.isBefore(now.minus(PREVIEW_VALIDITY))
                || prorateAt.isBefore(period.start())) {
            return Optional.of(UserError.of(Code.PREVIEW_EXPIRED, "the preview is more than an hour old or from "
                    + "another period: preview the change again", "input", "prorationDate"));
        }
        return Optional.empty();
    }

    /** Withdrawing the change scheduled for the period end: there must be one in Stripe. */
    static Optional<UserError> withdrawScheduledChange(String stripeScheduleId) {
        return stripeScheduleId == null
                ? Optional.of(UserError.of(Code.NO_SCHEDULED_CHANGE, "no plan change is scheduled"))
                : Optional.empty();
    }

    /** Cancelling at the period end: a subscription that still renews. */
    static Optional<UserError> cancel(Subscription current) {
        var ended = ended(current);
        if (ended.isPresent()) {
            return ended;
        }
        if (current.cancelAtPeriodEnd()) {
            return Optional.of(UserError.of(Code.ALREADY_CANCELED, "the subscription is already cancelled: it ends on "
                    + current.endsAt()));
        }
        return Optional.empty();
    }

    /** Renewing again: a cancelled subscription whose period has not ended yet. */
    /** Whether the plan sells that many extra seats (0 or more: a negative number is refused before). */
    static Optional<UserError> extraSeats(Plan plan, int seats) {
        if (seats > 0 && plan.extraSeatPrice() == null) {
            return Optional.of(UserError.of(Code.ADD_ONS_NOT_SOLD, "the " + plan.name() + " plan sells no extra seats",
                    "input", "extraSeats"));
        }
        if (seats > plan.maxExtraSeats()) {
            return Optional.of(UserError.of(Code.ABOVE_PLAN_LIMIT, "the " + plan.name() + " plan sells at most "
                    + plan.maxExtraSeats() + " extra seats", "input", "extraSeats"));
        }
        return Optional.empty();
    }

    /** changePlan, unless the sales team sells the plan (Enterprise): the page shows "Contact us" instead. */
    static Decision changePlan(Subscription current, Plan target, BillingInterval interval, SalesContact sales) {
        if (target != null && !sales.selfServe(target)) {
            return new Refused(Code.PLAN_UNAVAILABLE, "the " + target.name() + " plan is sold by our sales team: "
                    + "contact " + sales.urlFor(target), "input", "planId");
        }
        return changePlan(current, target, interval);
    }

    static Optional<UserError> reactivate(Subscription current, Instant now) {
        var ended = ended(current);
        if (ended.isPresent()) {
            return ended;
        }
        if (!current.cancelAtPeriodEnd()) {
            return Optional.of(UserError.of(Code.NOT_CANCELED, "the subscription is not cancelled: it renews"));
        }
        if (!now.isBefore(current.currentPeriod().end())) {
            return Optional.of(UserError.of(Code.SUBSCRIPTION_ENDED, "the subscription ended on "
                    + current.currentPeriod().end() + ": subscribe again instead"));
        }
        return Optional.empty();
    }

    private static Optional<UserError> ended(Subscription current) {
        if (current.status() == SubscriptionStatus.CANCELED) {
            return Optional.of(UserError.of(Code.SUBSCRIPTION_ENDED,
                    "the subscription has ended: subscribe again instead"));
        }
        return Optional.empty();
    }
}
