package com.subscriptionbff.stripe;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * `--sync-stripe-catalog`: the service starts, puts its catalog into the Stripe account of STRIPE_SECRET_KEY
 * ({@link StripeCatalogSync}), reports, and exits (0 done, 1 failed) instead of serving.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CatalogSyncCommand implements ApplicationRunner {

    static final String OPTION = "sync-stripe-catalog";

    private final StripeCatalogSync sync;
    private final ConfigurableApplicationContext context;

    CatalogSyncCommand(StripeCatalogSync sync, ConfigurableApplicationContext context) {
        this.sync = sync;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int status;
        try {
            sync.run();
            status = 0;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CatalogSyncCommand.class).error("Stripe catalog not synced", e);
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
