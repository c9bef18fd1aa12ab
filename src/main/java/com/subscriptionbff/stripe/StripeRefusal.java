package com.subscriptionbff.stripe;

import com.subscriptionbff.common.UserError;

/** Stripe answered and said no (card declined, invalid request, key reused): a user error, nothing changed. */
public class StripeRefusal extends RuntimeException {

    private final UserError.Code code;

    StripeRefusal(UserError.Code code, String message) {
        super(message);
        this.code = code;
    }

    public UserError userError() {
        return UserError.of(code, getMessage());
    }
}
