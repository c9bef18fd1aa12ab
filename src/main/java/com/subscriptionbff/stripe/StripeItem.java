package com.subscriptionbff.stripe;

/** One line of a subscription as we want it in Stripe: the plan's price, or an add-on's price and quantity. */
record StripeItem(Role role, String priceId, long quantity) {

    enum Role {
        PLAN,
        EXTRA_SEATS,
        EXTRA_CREDITS
    }
}
