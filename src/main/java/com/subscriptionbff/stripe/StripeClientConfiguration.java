package com.subscriptionbff.stripe;

import com.stripe.StripeClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one stripe-java client: where Stripe is ({@link StripeConnectionDetails}), timeouts and retries. */
@Configuration(proxyBeanMethods = false)
class StripeClientConfiguration {

    @Bean
    StripeClient stripeClient(StripeConnectionDetails connection, StripeSettings settings) {
        return StripeClient.builder()
                .setApiKey(connection.configured() ? connection.secretKey() : "sk_not_configured")
                .setApiBase(connection.apiBase())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .build();
    }
}
