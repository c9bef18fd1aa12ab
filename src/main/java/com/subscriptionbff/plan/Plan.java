package com.subscriptionbff.plan;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.common.Money;
import com.subscriptionbff.db.enums.BillingInterval;

import java.util.Currency;
import java.util.UUID;

/** A plan of the catalog. Add-on prices are per month; annual subscriptions pay twelve months of them. */
public record Plan(
        UUID planId,
        String code,
        String name,
        int includedSeats,
        long includedMonthlyCredits,
        int maxExtraSeats,
        Money monthlyPrice,
        Money annualPrice,
        Money extraSeatPrice,
        Money extraCreditsPricePerMillion,
        Money purchasedCreditsPricePerMillion) {

    public static final long CREDITS_PER_UNIT = 1_000_000L;

    public String id() {
        return GlobalId.of("Plan", planId);
    }

    /** The currency of all the plan's prices. */
    public Currency currency() {
        return monthlyPrice.currency();
    }

    public boolean isFree() {
        return monthlyPrice.isZero() && (annualPrice == null || annualPrice.isZero());
    }

    /** The plan's price for one billing interval. */
    public Money priceFor(BillingInterval interval) {
        if (interval == BillingInterval.MONTH) {
            return monthlyPrice;
        }
        if (annualPrice == null) {
            // the database refuses such a subscription; never show a monthly price "/ year"
            throw new IllegalStateException("plan " + code + " has no annual price");
        }
        return annualPrice;
    }

    /** One extra seat for one billing interval; null when the plan sells none. */
    public Money extraSeatPriceFor(BillingInterval interval) {
        return extraSeatPrice == null ? null : extraSeatPrice.times(monthsIn(interval));
    }

    /** One million extra credits a month, for one billing interval; null when the plan sells none. */
    public Money extraCreditsPricePerMillionFor(BillingInterval interval) {
        return extraCreditsPricePerMillion == null ? null : extraCreditsPricePerMillion.times(monthsIn(interval));
    }

    private static int monthsIn(BillingInterval interval) {
        return interval == BillingInterval.YEAR ? 12 : 1;
    }
}
