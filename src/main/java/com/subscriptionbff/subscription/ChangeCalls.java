package com.subscriptionbff.subscription;

import com.subscriptionbff.db.enums.BillingInterval;
import com.subscriptionbff.db.enums.CancellationReason;
import com.subscriptionbff.plan.PlanPrices;
import com.subscriptionbff.plan.PlanPrices.IntervalPrices;
import com.subscriptionbff.stripe.StripeGateway;
import com.subscriptionbff.stripe.StripePreview;
import com.subscriptionbff.stripe.StripeSubscriptionState;
import com.subscriptionbff.subscription.StripeItems.Wanted;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Stripe calls of each change, in order: the subscription is read first, so a change builds on what Stripe holds
 * (a retry whose first answer never reached us finds it done), and a change now releases a schedule waiting for the
 * period end before it updates the items. Each write carries the change's key (suffixed per call).
 */
@Component
class ChangeCalls {

    private final StripeGateway stripe;
    private final PlanPrices prices;

    ChangeCalls(StripeGateway stripe, PlanPrices prices) {
        this.stripe = stripe;
        this.prices = prices;
    }

    /** The catalog's Stripe prices for the terms. */
    IntervalPrices pricesOf(PlanTerms terms) {
        return prices.of(terms.plan().planId(), terms.interval());
    }

    /** What the change would invoice now, prorated as of `prorationDate`. */
    StripePreview preview(String customerId, String subscriptionId, List<Wanted> wanted, Instant prorationDate) {
        StripeSubscriptionState current = stripe.subscription(subscriptionId);
        var diff = StripeItems.diff(subscriptionId, current.items(), this::roleOf, wanted);
        return stripe.previewInvoice(customerId, subscriptionId, diff.updates(), prorationDate);
    }

    /** The items now, prorated as of `prorationDate`; the schedule of a change for later is released first. */
    StripeSubscriptionState changeItems(String subscriptionId, List<Wanted> wanted, Instant prorationDate, String key) {
        StripeSubscriptionState current = stripe.subscription(subscriptionId);
        var diff = StripeItems.diff(subscriptionId, current.items(), this::roleOf, wanted);
        if (diff.unchanged()) {
            // Stripe has it already: a retry of a change whose answer never reached us. Sending the items again
            // would differ from the first request (the new items have ids now) and be refused as another change.
            return current;
        }
        releaseSchedule(current, key);
        return stripe.updateItems(subscriptionId, diff.updates(), prorationDate, key);
    }

    /** The items from the end of the current period, through a schedule that then releases the subscription. */
    StripeSubscriptionState scheduleAtPeriodEnd(String subscriptionId, List<Wanted> wanted, BillingInterval interval,
                                                String key) {
        StripeSubscriptionState current = stripe.subscription(subscriptionId);
        return stripe.schedule(subscriptionId, current.scheduleId(),
                StripeItems.currentPhase(subscriptionId, current.items(), current.trialEnd(), this::roleOf),
                StripeItems.nextPhase(wanted, interval), key);
    }

    /** Withdraws the change scheduled for the period end: the subscription renews as it is. */
    StripeSubscriptionState withdrawScheduledChange(String subscriptionId, String scheduleId, String key) {
        stripe.releaseSchedule(scheduleId, key);
        return stripe.subscription(subscriptionId);
    }

    /** Cancels at the period end; a change scheduled for then is released first. */
    StripeSubscriptionState cancel(String subscriptionId, CancellationReason reason, String comment, String key) {
        releaseSchedule(stripe.subscription(subscriptionId), key);
        return stripe.cancelAtPeriodEnd(subscriptionId, reason, comment, key);
    }

    StripeSubscriptionState reactivate(String subscriptionId, String key) {
        return stripe.reactivate(subscriptionId, key);
    }

    private void releaseSchedule(StripeSubscriptionState current, String key) {
        if (current.scheduleId() != null) {
            stripe.releaseSchedule(current.scheduleId(), key + ":release");
        }
    }

    private Optional<PlanPrices.Role> roleOf(String priceId) {
        return prices.of(priceId).map(PlanPrices.PriceOf::role);
    }
}
