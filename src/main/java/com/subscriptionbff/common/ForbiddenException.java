package com.subscriptionbff.common;

/** The viewer may see the object but not do this to it. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
