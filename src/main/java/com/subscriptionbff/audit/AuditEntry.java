package com.subscriptionbff.audit;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.db.enums.AuditAction;
import com.subscriptionbff.db.enums.CancellationReason;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change of the subscription: who, when, what changed and why. */
public record AuditEntry(UUID entryId, Instant at, Actor actor, AuditAction action, List<Change> changes,
                         CancellationReason reason, String comment) {

    public record Actor(String displayName, String email) {
    }

    /** One field before and after, as the page shows them ("extraSeats": "2" → "5"). */
    public record Change(String field, String before, String after) {
    }

    public String id() {
        return GlobalId.of("AuditEntry", entryId);
    }
}
