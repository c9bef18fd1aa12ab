package com.subscriptionbff.subscription;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.plan.Plan;

/** What a subscription bills: a plan at an interval, plus extra seats and extra credits (sold by the million). */
record PlanTerms(Plan plan, BillingInterval interval, int extraSeats, long extraCredits) {

    /** The terms a subscription has now. */
    static PlanTerms of(Subscription subscription) {
        return new PlanTerms(subscription.plan(), subscription.billingInterval(), subscription.extraSeats(),
                subscription.extraCredits());
    }

    long extraCreditMillions() {
        return extraCredits / Plan.CREDITS_PER_UNIT;
    }
}
