package com.subscriptionbff.common;

/** Malformed input: a classified BAD_REQUEST error, never a 500. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
