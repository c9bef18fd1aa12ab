package com.subscriptionbff.common;

/**
 * A system we depend on (Stripe) did not answer in time or failed: the outcome is unknown, nothing was written here,
 * and the same mutation with the same idempotency key may be sent again.
 */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
