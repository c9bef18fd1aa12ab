package com.subscriptionbff.common;

import java.time.Instant;
import java.util.UUID;

/** The keyset position of lists ordered by an instant then an id; {@link Cursors} makes and reads its cursors. */
public record TimePosition(Instant at, UUID id) {
}
