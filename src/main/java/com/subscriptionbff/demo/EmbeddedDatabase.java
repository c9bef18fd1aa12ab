package com.subscriptionbff.demo;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.IOException;
import java.time.Duration;

/**
 * With no `spring.datasource.url`, the service starts its own PostgreSQL 18 and uses it; if that server dies, it is
 * started again on the same data directory and port ({@link EmbeddedPostgresServer}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoDatabaseConfigured.class)
class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(@Value("${bff.demo.database.restart-delay:1s}") Duration restartDelay)
            throws IOException {
        return EmbeddedPostgresServer.start(restartDelay);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }

    static boolean isDatabaseConfigured(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url != null && !url.isBlank();
    }

    static final class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isDatabaseConfigured(context.getEnvironment());
        }
    }
}
