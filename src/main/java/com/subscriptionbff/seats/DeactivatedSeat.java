package com.subscriptionbff.seats;

import com.subscriptionbff.common.GlobalId;

import java.time.Instant;
import java.util.UUID;

/** A member the seat limit deactivated at a renewal. */
public record DeactivatedSeat(UUID memberId, String displayName, String email, Instant deactivatedAt) {

    public String id() {
        return GlobalId.of("Member", memberId);
    }
}
