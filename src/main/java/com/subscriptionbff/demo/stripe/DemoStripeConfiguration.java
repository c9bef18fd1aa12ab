package com.subscriptionbff.demo.stripe;

import com.subscriptionbff.demo.DemoMode;
import com.subscriptionbff.stripe.StripeConnectionDetails;
import com.subscriptionbff.stripe.StripeSettings;
import com.subscriptionbff.stripe.StripeWebhookController;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

/**
 * Demo mode without STRIPE_SECRET_KEY: a local Stripe on loopback, given the demo data's subscriptions, that the
 * service's real stripe-java client talks to ({@link StripeConnectionDetails}), and whose events reach the service's
 * own webhook endpoint. `bff.demo.stripe-emulator=false` turns it off (Stripe is then NOT_CONFIGURED).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoStripeConfiguration.Enabled.class)
public class DemoStripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoStripeConfiguration.class);

    /** Demo mode, no Stripe key, and the emulator not turned off. */
    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            String key = environment.getProperty("bff.stripe.secret-key");
            return DemoMode.isEnabled(environment) && (key == null || key.isBlank())
                    && environment.getProperty("bff.demo.stripe-emulator", Boolean.class, true);
        }
    }

    /** The connection to the emulator: a test-mode key, its address, and the secret its events are signed with. */
    record EmulatorConnection(String secretKey, String apiBase, String webhookSecret)
            implements StripeConnectionDetails {
    }

    @Bean(destroyMethod = "close")
    EmulatorServer stripeEmulatorServer(@Value("${bff.demo.stripe-emulator-port:0}") int port) {
        return new EmulatorServer(port);
    }

    @Bean
    @Primary
    EmulatorConnection emulatorConnection(EmulatorServer server, StripeSettings settings) {
        String secret = settings.webhookSecret().isBlank() ? "whsec_emulator_" + UUID.randomUUID()
                : settings.webhookSecret();
        return new EmulatorConnection("sk_test_emulator", server.base(), secret);
    }

    @Bean(destroyMethod = "close")
    StripeEmulator stripeEmulator(EmulatorServer server, EmulatorConnection connection, Clock clock) {
        StripeEmulator emulator = new StripeEmulator(clock, connection.webhookSecret(), server.base());
        server.start(emulator);
        log.info("Stripe emulator (demo mode, no STRIPE_SECRET_KEY) on {}", server.base());
        return emulator;
    }

    @Bean
    EmulatorSeed emulatorSeed(DSLContext db, StripeEmulator emulator) {
        return new EmulatorSeed(db, emulator);
    }

    /** After the demo data is loaded (DemoStartup): the emulated account holds the same subscriptions. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner seedStripeEmulator(EmulatorSeed seed) {
        return args -> seed.all();
    }

    /** Once the service listens, events go to its webhook endpoint, unless `bff.demo.stripe-emulator-events=false`. */
    @EventListener
    void deliverEvents(WebServerInitializedEvent event) {
        var context = event.getApplicationContext();
        boolean main = context.getServerNamespace() == null || context.getServerNamespace().isEmpty();
        if (main && context.getEnvironment().getProperty("bff.demo.stripe-emulator-events", Boolean.class, true)) {
            context.getBean(StripeEmulator.class).deliverEventsTo(URI.create("http://127.0.0.1:"
                    + event.getWebServer().getPort() + StripeWebhookController.PATH));
        }
    }
}
