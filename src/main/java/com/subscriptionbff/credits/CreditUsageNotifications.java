package com.subscriptionbff.credits;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

/**
 * Usage recorded anywhere reaches every instance's live subscribers: PostgreSQL NOTIFY, sent inside the recording
 * transaction (so only once it commits), heard on one LISTEN connection per instance kept outside the pool.
 */
@Component
class CreditUsageNotifications implements SmartLifecycle {

    static final String CHANNEL = "credit_usage";
    private static final Logger log = LoggerFactory.getLogger(CreditUsageNotifications.class);

    private final DataSource dataSource;
    private final Sinks.Many<UUID> recorded = Sinks.many().multicast().directBestEffort();
    private volatile boolean running;
    private Thread listener;

    CreditUsageNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
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
        running = true;
        listener = Thread.ofVirtual().name("credit-usage-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = openOutsideThePool()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
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
                if (running) {
                    log.warn("credit usage notifications interrupted, reconnecting: {}", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    private Connection openOutsideThePool() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
