package com.subscriptionbff.seats;

import com.subscriptionbff.common.Percent;

import java.math.BigDecimal;
import java.util.UUID;

/** "5 of 10 users": active members against included plus extra seats. */
public record SeatUsage(UUID workspaceId, int used, int included, int extra) {

    public int total() {
        return included + extra;
    }

    public BigDecimal usedPercent() {
        return Percent.of(used, total());
    }

    public boolean overLimit() {
        return used > total();
    }

    public int membersOverLimit() {
        return Math.max(used - total(), 0);
    }
}
