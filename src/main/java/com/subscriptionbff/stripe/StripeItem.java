package com.subscriptionbff.stripe;

import java.time.Instant;

/** One line of a subscription as Stripe holds it: its id, price and quantity, and the period it bills. */
public record StripeItem(String itemId, String priceId, Long quantity, Instant periodStart, Instant periodEnd) {
}
