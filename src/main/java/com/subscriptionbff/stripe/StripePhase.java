package com.subscriptionbff.stripe;

import com.subscriptionbff.db.enums.BillingInterval;

import java.time.Instant;
import java.util.List;

/**
 * One phase of a subscription schedule: either from `start` to `end` (with the trial, if any, ending at `trialEnd`),
 * or, with no dates, lasting one `duration` after the phase before it.
 */
public record StripePhase(Instant start, Instant end, Instant trialEnd, BillingInterval duration, List<Item> items) {

    public record Item(String priceId, Long quantity) {
    }
}
