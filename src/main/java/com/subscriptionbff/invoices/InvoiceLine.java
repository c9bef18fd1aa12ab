package com.subscriptionbff.invoices;

import com.subscriptionbff.common.BillingPeriod;
import com.subscriptionbff.common.Money;

/** One line of an invoice's details, as Stripe itemized it. */
public record InvoiceLine(String description, BillingPeriod period, Long quantity, Money amount, boolean proration) {
}
