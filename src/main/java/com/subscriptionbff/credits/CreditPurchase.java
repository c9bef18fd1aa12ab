package com.subscriptionbff.credits;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.db.enums.CreditPurchaseSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A row of the credit purchase history: purchased credits never expire. */
public record CreditPurchase(UUID purchaseId, ZoneId zone, Instant purchasedAt, long credits, Money amount,
                             CreditPurchaseSource source) {

    public String id() {
        return GlobalId.of("CreditPurchase", purchaseId);
    }

    public LocalDate date() {
        return LocalDate.ofInstant(purchasedAt, zone);
    }
}
