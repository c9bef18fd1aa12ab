package com.subscriptionbff.credits;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.subscriptionbff.stripe.CreditBalanceChanged;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

/**
 * Usage recorded anywhere reaches every instance's live subscribers: PostgreSQL NOTIFY, sent inside the recording
 * transaction (so only once it commits), heard on one LISTEN connection per instance kept outside the pool. While the
 * database is unreachable, reconnection attempts back off from 1 s to 30 s, with one warning per outage. When the
 * service stops, every live stream completes.
 */
@Component
class CreditUsageNotifications implements SmartLifecycle {

    static final String CHANNEL = "credit_usage";
    private static final Logger log = LoggerFactory.getLogger(CreditUsageNotifications.class);

    private final DataSource dataSource;
    private final DSLContext db;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    // a new sink at each start: a stop (shutdown, or a paused test context) completes every stream of the old one
    private volatile Sinks.Many<UUID> recorded = Sinks.many().multicast().directBestEffort();
    private volatile boolean running;
    private Thread listener;

    CreditUsageNotifications(DataSource dataSource, DSLContext db) {
        this.dataSource = dataSource;
        this.db = db;
    }

    /**
     * Purchased credits added from Stripe's answer: handled synchronously, inside the transaction that added them,
     * so the NOTIFY goes out when that transaction commits (and never if it rolls back).
     */
    @EventListener
    void balanceChanged(CreditBalanceChanged event) {
        notifyRecorded(db, event.workspaceId());
    }

    /** Called inside the transaction that records usage. */
    static void notifyRecorded(DSLContext db, UUID workspaceId) {
        db.select(field("pg_notify({0}, {1})", String.class, CHANNEL, workspaceId.toString())).execute();
    }

    /** Workspaces whose usage was just recorded, on any instance. */
    Flux<UUID> recorded() {
        return recorded.asFlux();
    }

    @Override
    public void start() {
        recorded = Sinks.many().multicast().directBestEffort();
        running = true;
        listener = Thread.ofVirtual().name("credit-usage-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        recorded.tryEmitComplete();
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Connection connection = openOutsideThePool()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                if (!retry.equals(FIRST_RETRY)) {
                    log.info("credit usage notifications reconnected");
                    retry = FIRST_RETRY;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        recorded.tryEmitNext(UUID.fromString(notification.getParameter()));
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (retry.equals(FIRST_RETRY)) {
                    log.warn("credit usage notifications interrupted, reconnecting with backoff: {}", e.toString());
                } else {
                    log.debug("credit usage notifications still unreachable: {}", e.toString());
                }
                sleepQuietly(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private Connection openOutsideThePool() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("connectTimeout", "5"); // seconds: a host that does not answer is retried later
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
