package com.subscriptionbff.onboarding;

import org.springframework.http.HttpStatus;

/**
 * Why an announcement was not carried out, as its answer says it: a field that is not acceptable (400), a workspace
 * id already announced with other content (409), or a trial this deployment cannot start (503, not retryable).
 */
final class AnnouncementRefusal extends RuntimeException {

    final HttpStatus status;
    /** The field at fault (owner.email), or null. */
    final String field;

    private AnnouncementRefusal(HttpStatus status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static AnnouncementRefusal invalid(String field, String message) {
        return new AnnouncementRefusal(HttpStatus.BAD_REQUEST, field, message);
    }

    static AnnouncementRefusal conflict(String field, String message) {
        return new AnnouncementRefusal(HttpStatus.CONFLICT, field, message);
    }

    static AnnouncementRefusal notConfigured(String message) {
        return new AnnouncementRefusal(HttpStatus.SERVICE_UNAVAILABLE, null, message);
    }
}
