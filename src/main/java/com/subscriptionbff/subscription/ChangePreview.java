package com.subscriptionbff.subscription;

import com.subscriptionbff.common.Money;
import com.subscriptionbff.db.enums.BillingInterval;

import java.time.Instant;
import java.util.List;

/**
 * What a change costs, before the user confirms. amountDue is charged now (Stripe's invoice preview, prorated as of
 * prorationDate: pass it to the mutation to be charged exactly this); the recurring figures come from the catalog.
 */
record ChangePreview(
        Money amountDue,
        Money total,
        List<Line> lines,
        Money newPrice,
        Money newRecurringTotal,
        BillingInterval billingInterval,
        Instant effectiveAt,
        Instant prorationDate,
        Money savingsPerYear) {

    record Line(String description, Money amount) {
    }
}
