package com.subscriptionbff.common;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void amountHasTheCurrencysDecimals() {
        assertThat(Money.of(15_900, "EUR").amount()).hasToString("159.00");
        assertThat(Money.of(5, "EUR").amount()).hasToString("0.05");
        assertThat(Money.of(0, "EUR").amount()).hasToString("0.00");
        assertThat(Money.of(1_500, "JPY").amount()).hasToString("1500");
        assertThat(Money.of(1_234, "KWD").amount()).hasToString("1.234");
    }

    @Test
    void formatsForFrenchAndAmericanReaders() {
        assertThat(Money.of(15_900, "EUR").formatted(Locale.forLanguageTag("fr-FR"))).isEqualTo("159,00\u00a0€");
        assertThat(Money.of(174_900, "EUR").formatted(Locale.forLanguageTag("fr-FR"))).isEqualTo("1\u202f749,00\u00a0€");
        assertThat(Money.of(15_900, "EUR").formatted(Locale.US)).isEqualTo("€159.00");
        assertThat(Money.of(15_900, "USD").formatted(Locale.US)).isEqualTo("$159.00");
        assertThat(Money.of(0, "EUR").formatted(Locale.US)).isEqualTo("€0.00");
    }

    @Test
    void arithmeticStaysInMinorUnitsAndRefusesMixedCurrencies() {
        assertThat(Money.of(15_900, "EUR").times(12)).isEqualTo(Money.of(190_800, "EUR"));
        assertThat(Money.of(190_800, "EUR").minus(Money.of(159_000, "EUR"))).isEqualTo(Money.of(31_800, "EUR"));
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void absentPricesStayAbsent() {
        assertThat(Money.ofNullable(null, "EUR")).isNull();
        assertThat(Money.ofNullable(100L, "EUR")).isEqualTo(Money.of(100, "EUR"));
    }
}
