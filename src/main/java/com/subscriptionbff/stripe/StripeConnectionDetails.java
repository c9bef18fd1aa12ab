package com.subscriptionbff.stripe;

/**
 * Where Stripe is and how to prove who we are, as Spring Boot's ConnectionDetails describe a service: from the
 * bff.stripe properties ({@link StripeSettings}), unless a bean of this type is primary (demo mode's local Stripe).
 */
public interface StripeConnectionDetails {

    /** The API key (sk_test_… / sk_live_…); blank: Stripe is not configured. */
    String secretKey();

    /** The API's base URL (https://api.stripe.com). */
    String apiBase();

    /** The webhook endpoint's signing secret (whsec_…); blank: every webhook is refused. */
    String webhookSecret();

    default boolean configured() {
        return secretKey() != null && !secretKey().isBlank();
    }
}
