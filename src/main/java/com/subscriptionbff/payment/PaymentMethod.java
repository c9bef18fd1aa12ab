package com.subscriptionbff.payment;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

/** The workspace's default payment method, as Stripe last described it, and whether it had expired when read. */
public record PaymentMethod(UUID workspaceId, String brand, String last4, int expMonth, int expYear, boolean expired) {

    /** The card as of `now`: valid through the last day of its expiry month, in the service's clock (UTC). */
    public static PaymentMethod asOf(UUID workspaceId, String brand, String last4, int expMonth, int expYear,
                                     Instant now) {
        boolean expired = YearMonth.of(expYear, expMonth).isBefore(YearMonth.from(now.atOffset(ZoneOffset.UTC)));
        return new PaymentMethod(workspaceId, brand, last4, expMonth, expYear, expired);
    }
}
