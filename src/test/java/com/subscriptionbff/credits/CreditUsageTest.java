package com.subscriptionbff.credits;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CreditUsageTest {

    private static CreditUsage usage(LocalDate today, long used, long included, long extra, long purchased) {
        return new CreditUsage(UUID.randomUUID(), ZoneId.of("Europe/Paris"), today, used, included, extra, purchased);
    }

    @Test
    void withinTheAllowancePurchasedCreditsAreUntouched() {
        var usage = usage(LocalDate.of(2026, 11, 15), 5_429_200, 20_000_000, 5_000_000, 3_000_000);
        assertThat(usage.remaining()).isEqualTo(22_570_800);
        assertThat(usage.total()).isEqualTo(28_000_000);
        assertThat(usage.remainingPercent()).hasToString("80.61");
    }

    @Test
    void beyondTheAllowanceUsageHasAlreadyComeOutOfPurchasedCredits() {
        // 25M allowance, 27M used: 2M came out of the purchased credits, 1M of them are left
        var usage = usage(LocalDate.of(2026, 11, 15), 27_000_000, 20_000_000, 5_000_000, 1_000_000);
        assertThat(usage.remaining()).isEqualTo(1_000_000);
        assertThat(usage.total()).isEqualTo(28_000_000);
        assertThat(usage.usedPercent()).hasToString("96.43");
    }

    @Test
    void nothingAvailableIsZeroPercentNotADivisionByZero() {
        var usage = usage(LocalDate.of(2026, 11, 15), 0, 0, 0, 0);
        assertThat(usage.total()).isZero();
        assertThat(usage.remainingPercent()).hasToString("0.00");
    }

    @Test
    void monthBoundsFollowTheCalendarIncludingLeapYears() {
        assertThat(usage(LocalDate.of(2028, 2, 10), 0, 1, 0, 0).monthEnd()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(usage(LocalDate.of(2027, 2, 10), 0, 1, 0, 0).monthEnd()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(usage(LocalDate.of(2026, 12, 31), 0, 1, 0, 0).monthStart()).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
