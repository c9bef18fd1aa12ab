package com.subscriptionbff.stripe;

import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionSchedule;

import java.time.Instant;
import java.util.List;

/**
 * Stripe's subscription as an answer holds it (and the schedule a change just set, if any): its items for the next
 * change to build on, and the whole of it for {@link StripeSubscriptionSync#record} to write into the read model.
 */
public final class StripeSubscriptionState {

    final Subscription subscription;
    final SubscriptionSchedule schedule;

    StripeSubscriptionState(Subscription subscription, SubscriptionSchedule schedule) {
        this.subscription = subscription;
        this.schedule = schedule;
    }

    public String subscriptionId() {
        return subscription.getId();
    }

    /** The schedule attached to the subscription in Stripe (a change waiting for the period end); null if none. */
    public String scheduleId() {
        return subscription.getSchedule();
    }

    public Instant trialEnd() {
        return instant(subscription.getTrialEnd());
    }

    public List<StripeItem> items() {
        return subscription.getItems().getData().stream().map(item -> new StripeItem(item.getId(),
                item.getPrice().getId(), item.getQuantity(), instant(item.getCurrentPeriodStart()),
                instant(item.getCurrentPeriodEnd()))).toList();
    }

    private static Instant instant(Long epochSecond) {
        return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond);
    }
}
