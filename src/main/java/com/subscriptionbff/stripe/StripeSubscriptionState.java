package com.subscriptionbff.stripe;

import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionSchedule;

/** Stripe's answer to a change, to be written into the read model with {@link StripeGateway#record}. */
public final class StripeSubscriptionState {

    final Subscription subscription;
    final SubscriptionSchedule schedule;

    StripeSubscriptionState(Subscription subscription, SubscriptionSchedule schedule) {
        this.subscription = subscription;
        this.schedule = schedule;
    }
}
