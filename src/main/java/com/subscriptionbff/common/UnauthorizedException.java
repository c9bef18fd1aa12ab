package com.subscriptionbff.common;

/** A valid token whose subject is not a user of this service. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
