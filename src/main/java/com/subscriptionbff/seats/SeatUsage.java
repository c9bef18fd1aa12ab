package com.subscriptionbff.seats;

import com.subscriptionbff.common.Percent;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * "5 of 10 users": active members against included plus extra seats. Only a subscription that renews can deactivate
 * members at renewal; without one nobody is over the limit.
 */
public record SeatUsage(UUID workspaceId, int used, int included, int extra, boolean renews) {

    public int total() {
        return included + extra;
    }

    public BigDecimal usedPercent() {
        return Percent.of(used, total());
    }

    public boolean overLimit() {
        return renews && used > total();
    }

    public int membersOverLimit() {
        return renews ? Math.max(used - total(), 0) : 0;
    }
}
