package com.subscriptionbff.payment;

import java.time.YearMonth;
import java.util.UUID;

/** The workspace's default payment method, as Stripe last described it. */
public record PaymentMethod(UUID workspaceId, String brand, String last4, int expMonth, int expYear) {

    /** A card is valid through the last day of its expiry month. */
    public boolean expiredAsOf(YearMonth month) {
        return YearMonth.of(expYear, expMonth).isBefore(month);
    }
}
