package com.subscriptionbff.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The keyset position of lists ordered by an instant then an id, and its opaque cursor. */
public record TimePosition(Instant at, UUID id) {

    public String cursor(String scope) {
        return Cursor.encode(scope, at.toString(), id.toString());
    }

    /** The position of a cursor of this list; null for no cursor; BAD_REQUEST for a malformed or foreign one. */
    public static TimePosition after(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        List<String> keys = Cursor.decode(cursor, scope, 2);
        try {
            return new TimePosition(Inputs.instant(Instant.parse(keys.get(0)), "cursor"), Cursor.uuid(keys.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new BadRequestException("malformed cursor");
        }
    }
}
