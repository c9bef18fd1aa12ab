package com.subscriptionbff.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How to reach Stripe (bff.stripe). Without a secret key a change the rules allow answers NOT_CONFIGURED, except in
 * demo mode, which then runs a local Stripe (demo/stripe) and gives its own {@link StripeConnectionDetails}.
 */
@ConfigurationProperties("bff.stripe")
public record StripeSettings(String secretKey, String apiBase, String webhookSecret, Duration connectTimeout,
                             Duration readTimeout, Integer maxNetworkRetries) implements StripeConnectionDetails {

    public StripeSettings {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        maxNetworkRetries = maxNetworkRetries == null ? 2 : maxNetworkRetries;
    }
}
