package com.subscriptionbff.payment;

import org.jooq.Record;
import org.jooq.SelectField;

import java.time.Instant;
import java.util.List;

import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;

/**
 * A workspace's card as columns that other queries select beside their own (left-joining PAYMENT_METHODS on the
 * workspace), as {@link com.subscriptionbff.plan.PlanRepository#planColumns} does for plans.
 */
public final class PaymentMethodColumns {

    private static final List<SelectField<?>> COLUMNS = List.of(PAYMENT_METHODS.WORKSPACE_ID, PAYMENT_METHODS.BRAND,
            PAYMENT_METHODS.LAST4, PAYMENT_METHODS.EXP_MONTH, PAYMENT_METHODS.EXP_YEAR);

    private PaymentMethodColumns() {
    }

    public static List<SelectField<?>> columns() {
        return COLUMNS;
    }

    /** The card of a row that selected {@link #columns}, as of `now`; null if the left join found none. */
    public static PaymentMethod paymentMethod(Record row, Instant now) {
        if (row.get(PAYMENT_METHODS.WORKSPACE_ID) == null) {
            return null;
        }
        return PaymentMethod.asOf(row.get(PAYMENT_METHODS.WORKSPACE_ID), row.get(PAYMENT_METHODS.BRAND),
                row.get(PAYMENT_METHODS.LAST4), row.get(PAYMENT_METHODS.EXP_MONTH),
                row.get(PAYMENT_METHODS.EXP_YEAR), now);
    }
}
