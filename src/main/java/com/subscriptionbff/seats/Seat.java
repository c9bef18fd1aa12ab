package com.subscriptionbff.seats;

import com.subscriptionbff.common.GlobalId;
import com.subscriptionbff.db.enums.MemberRole;

import java.time.Instant;
import java.util.UUID;

/** An active member holding a seat. */
public record Seat(UUID memberId, String displayName, String email, MemberRole role, Instant joinedAt,
                   boolean deactivatedAtRenewal) {

    public String id() {
        return GlobalId.of("Member", memberId);
    }
}
