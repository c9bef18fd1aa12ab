package com.subscriptionbff.credits;

import com.subscriptionbff.stripe.CreditBalanceChanged;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credits bought through Stripe reach the live balances the way recorded usage does: the Stripe sync publishes
 * {@link CreditBalanceChanged} in its transaction, and the NOTIFY it causes is heard once that transaction commits,
 * never before, and never if it rolls back.
 */
class CreditBalanceChangedIT extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;

    @Test
    void aBalanceChangedFromStripeIsAnnouncedWhenItsTransactionCommitsOnly() throws Exception {
        UUID committed = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        try (Connection listener = dataSource.getConnection()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("listen " + CreditUsageNotifications.CHANNEL);
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            List<String> heardInside = new ArrayList<>();
            transactions.executeWithoutResult(status -> {
                events.publishEvent(new CreditBalanceChanged(committed));
                heardInside.addAll(heard(pg, 300));
            });
            assertThat(heardInside).isEmpty();
            assertThat(heard(pg, 5_000)).containsExactly(committed.toString());

            transactions.executeWithoutResult(status -> {
                events.publishEvent(new CreditBalanceChanged(rolledBack));
                status.setRollbackOnly();
            });
            assertThat(heard(pg, 500)).isEmpty();
            try (Statement statement = listener.createStatement()) {
                statement.execute("unlisten *");
            }
        }
    }

    private static List<String> heard(PGConnection pg, int waitMillis) {
        try {
            PGNotification[] notifications = pg.getNotifications(waitMillis);
            List<String> payloads = new ArrayList<>();
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    payloads.add(notification.getParameter());
                }
            }
            return payloads;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
