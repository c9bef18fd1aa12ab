package com.subscriptionbff.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service clock of demo mode: real time (or `bff.clock.fixed`) moved forward by the demo clock, so that the
 * service and its local Stripe see the same "now" after a person advanced time to a period end.
 */
public final class DemoClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    DemoClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock to `instant` (forward or back: tests put it back after each test). */
    public void set(Instant instant) {
        ahead.set(Duration.between(base.instant(), instant));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(ahead.get());
    }

    private static final class Zoned extends Clock {
        private final DemoClock clock;
        private final ZoneId zone;

        Zoned(DemoClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }

    /** In demo mode the demo clock is the service's clock. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(DemoMode.class)
    static class DemoClockConfiguration {
        @Bean
        @Primary
        DemoClock demoClock(@Value("${bff.clock.fixed:}") String fixed) {
            return new DemoClock(fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC));
        }
    }
}
