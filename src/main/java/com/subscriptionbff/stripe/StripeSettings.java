package com.subscriptionbff.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How to reach Stripe. Without a secret key every Stripe call answers UNAVAILABLE (demo mode has none); tests point
 * apiBase at a local stand-in.
 */
@ConfigurationProperties("bff.stripe")
public record StripeSettings(String secretKey, String apiBase, Duration connectTimeout, Duration readTimeout,
                             Integer maxNetworkRetries) {

    public StripeSettings {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        maxNetworkRetries = maxNetworkRetries == null ? 2 : maxNetworkRetries;
    }

    boolean configured() {
        return secretKey != null && !secretKey.isBlank();
    }
}
