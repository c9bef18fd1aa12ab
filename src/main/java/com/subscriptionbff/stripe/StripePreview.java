package com.subscriptionbff.stripe;

import java.util.List;

/**
 * Stripe's preview of the invoice a change would create now, in minor units of its currency: `amountDue` is charged
 * at once; a negative `total` is a credit left on the customer's balance.
 */
public record StripePreview(long amountDue, long total, String currency, List<Line> lines) {

    public record Line(String description, long amount) {
    }
}
