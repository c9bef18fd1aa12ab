package com.subscriptionbff.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.IOException;
import java.time.Duration;

/**
 * The database of development runs and tests: with no `spring.datasource.url`, a PostgreSQL 18 of our own, which
 * Spring Boot's pool connects to as to any other ({@link JdbcConnectionDetails}); if that server dies, it is started
 * again on the same data directory and port ({@link EmbeddedPostgresServer}). Imported by the tests and by
 * {@code DevSubscriptionBffApplication}; the production jar holds neither this nor PostgreSQL.
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoDatabaseConfigured.class)
public class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(@Value("${bff.demo.database.restart-delay:1s}") Duration restartDelay)
            throws IOException {
        return EmbeddedPostgresServer.start(restartDelay);
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgresServer postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "postgres";
            }
        };
    }

    static final class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
