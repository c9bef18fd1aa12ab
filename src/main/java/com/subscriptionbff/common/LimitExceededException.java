package com.subscriptionbff.common;

/** The caller already uses as much of something as one caller may (live streams, say): close one, then retry. */
public class LimitExceededException extends RuntimeException {

    public LimitExceededException(String message) {
        super(message);
    }
}
