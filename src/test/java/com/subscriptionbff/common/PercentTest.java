package com.subscriptionbff.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentTest {

    @Test
    void twoDecimalsRoundedHalfUp() {
        assertThat(Percent.of(22_570_800, 28_000_000)).hasToString("80.61");
        assertThat(Percent.of(5, 10)).hasToString("50.00");
        assertThat(Percent.of(1, 8)).hasToString("12.50");
        assertThat(Percent.of(2, 3)).hasToString("66.67");
        assertThat(Percent.of(1, 3)).hasToString("33.33");
        assertThat(Percent.of(1, 200_000)).hasToString("0.00"); // 0.0005 % rounds to 0.00
        assertThat(Percent.of(1, 199_999)).hasToString("0.00");
        assertThat(Percent.of(12, 10)).hasToString("120.00");
    }

    @Test
    void nothingOfNothingIsZero() {
        assertThat(Percent.of(0, 0)).hasToString("0.00");
        assertThat(Percent.of(5, 0)).hasToString("0.00");
    }
}
