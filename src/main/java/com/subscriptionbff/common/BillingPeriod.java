package com.subscriptionbff.common;

import java.time.Instant;

/** The period a subscription or an invoice covers: start inclusive, end exclusive. */
public record BillingPeriod(Instant start, Instant end) {
}
