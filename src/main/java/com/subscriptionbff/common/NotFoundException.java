package com.subscriptionbff.common;

/** Absent, or not visible to the viewer: the two are deliberately indistinguishable. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
