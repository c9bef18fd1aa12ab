package com.subscriptionbff.common;

import java.util.List;

/** A business refusal of a mutation: returned in the payload's userErrors, not as a GraphQL error. */
public record UserError(List<String> field, Code code, String message) {

    public enum Code {
        NOT_ALLOWED,
        NO_SUBSCRIPTION,
        INVALID_QUANTITY,
        ABOVE_PLAN_LIMIT,
        BELOW_SEATS_IN_USE,
        ADD_ONS_NOT_SOLD,
        NO_CHANGE,
        NOT_ELIGIBLE,
        ANNUAL_COMMITMENT,
        PLAN_UNAVAILABLE,
        NO_SCHEDULED_CHANGE,
        ALREADY_CANCELED,
        ALREADY_SUBSCRIBED,
        NOT_CONFIGURED,
        NOT_CANCELED,
        SUBSCRIPTION_ENDED,
        PREVIEW_EXPIRED,
        RETURN_URL_NOT_ALLOWED,
        PAYMENT_FAILED,
        REFUSED_BY_STRIPE,
        IDEMPOTENCY_KEY_REUSED,
        CONFLICT
    }

    public static UserError of(Code code, String message, String... field) {
        return new UserError(field.length == 0 ? null : List.of(field), code, message);
    }
}
