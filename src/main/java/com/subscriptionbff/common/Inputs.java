package com.subscriptionbff.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Bounds on values that parse fine in Java but that PostgreSQL refuses (year +300000, NUL characters): refused here
 * as BAD_REQUEST instead of failing in the database as an internal error.
 */
public final class Inputs {

    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    private Inputs() {
    }

    public static LocalDate day(LocalDate day, String name) {
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw new BadRequestException(name + " must be between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return day;
    }

    public static Instant instant(Instant instant, String name) {
        if (instant != null) {
            day(LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC), name);
        }
        return instant;
    }

    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{8,100}");

    /**
     * The client's key for one confirmed action (the same key again means "the same action, retried"), scoped to the
     * workspace and the action: Stripe's keys are per account, and two workspaces may pick the same key.
     */
    public static String idempotencyKey(java.util.UUID workspaceId, String action, String key) {
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new BadRequestException("idempotencyKey must be 8 to 100 characters of A-Z a-z 0-9 _ . : -");
        }
        return "bff:" + workspaceId + ":" + action + ":" + key;
    }

    public static String text(String text, String name, int maxLength) {
        if (text != null && (text.length() > maxLength || text.indexOf('\u0000') >= 0)) {
            throw new BadRequestException(name + " must be at most " + maxLength + " characters, without NUL");
        }
        return text;
    }
}
