package com.subscriptionbff.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount in the minor units of its currency (cents), exact: no binary fractions. */
public record Money(long minorUnits, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, Currency.getInstance(currencyCode));
    }

    /** Null when the amount is null: for optional prices read from the database. */
    public static Money ofNullable(Long minorUnits, String currencyCode) {
        return minorUnits == null ? null : of(minorUnits, currencyCode);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** The amount in major units with the currency's decimals: 15900 EUR is 159.00. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minorUnits, factor), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    /** "159,00 €" for fr-FR, "€159.00" for en-US. */
    public String formatted(Locale locale) {
        // building a currency format is costly and a format is not thread-safe: clone a cached prototype
        NumberFormat format = (NumberFormat) FORMATS.get(new FormatKey(locale, currency), key -> {
            NumberFormat prototype = NumberFormat.getCurrencyInstance(key.locale());
            prototype.setCurrency(key.currency());
            int digits = Math.max(key.currency().getDefaultFractionDigits(), 0);
            prototype.setMinimumFractionDigits(digits);
            prototype.setMaximumFractionDigits(digits);
            return prototype;
        }).clone();
        return format.format(amount());
    }

    private record FormatKey(Locale locale, Currency currency) {
    }

    /** Locales come from requests: bounded. */
    private static final Cache<FormatKey, NumberFormat> FORMATS = Caffeine.newBuilder().maximumSize(1_000).build();

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }
}
