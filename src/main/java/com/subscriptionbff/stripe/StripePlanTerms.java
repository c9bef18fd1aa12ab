package com.subscriptionbff.stripe;

import com.subscriptionbff.db.enums.BillingInterval;

import java.util.UUID;

/** What the subscription should bill: a plan at an interval, plus extra seats and extra credits (in millions). */
public record StripePlanTerms(UUID planId, BillingInterval interval, int extraSeats, long extraCreditMillions) {
}
