package com.subscriptionbff.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as the page shows them: two decimals, rounded half up ("80.61"). */
public final class Percent {

    private Percent() {
    }

    public static BigDecimal of(long part, long whole) {
        if (whole <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
