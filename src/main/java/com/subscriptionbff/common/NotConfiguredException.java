package com.subscriptionbff.common;

/**
 * A system the service needs for this request is not configured on this deployment (Stripe without its secret key):
 * the same request fails the same way until an operator configures it, so it is not worth retrying (NOT_CONFIGURED).
 */
public class NotConfiguredException extends RuntimeException {

    public NotConfiguredException(String message) {
        super(message);
    }
}
