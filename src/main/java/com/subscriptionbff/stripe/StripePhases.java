package com.subscriptionbff.stripe;

import com.stripe.param.SubscriptionScheduleUpdateParams.Phase;
import com.subscriptionbff.db.enums.BillingInterval;

/** A schedule phase as Stripe's parameters spell it. */
final class StripePhases {

    private StripePhases() {
    }

    static Phase of(StripePhase phase) {
        var params = Phase.builder();
        if (phase.start() != null) {
            params.setStartDate(phase.start().getEpochSecond());
        }
        if (phase.end() != null) {
            params.setEndDate(phase.end().getEpochSecond());
        }
        if (phase.trialEnd() != null) {
            params.setTrialEnd(phase.trialEnd().getEpochSecond());
        }
        if (phase.duration() != null) {
            params.setDuration(Phase.Duration.builder()
                    .setInterval(phase.duration() == BillingInterval.YEAR
                            ? Phase.Duration.Interval.YEAR : Phase.Duration.Interval.MONTH)
                    .setIntervalCount(1L).build());
        }
        for (StripePhase.Item item : phase.items()) {
            params.addItem(Phase.Item.builder().setPrice(item.priceId()).setQuantity(item.quantity()).build());
        }
        return params.build();
    }
}
