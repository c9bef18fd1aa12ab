package com.subscriptionbff;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The jar holds no database of its own: started without `spring.datasource.url` it stops at once, saying what to set
 * (in place of Spring Boot's generic advice to put H2 on the classpath). Development runs and tests bring their
 * embedded PostgreSQL from src/test.
 */
class DatabaseRequiredFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final Environment environment;

    DatabaseRequiredFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return null;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BeanCreationException creation && "dataSource".equals(creation.getBeanName())) {
                return new FailureAnalysis("""
                        No database is configured: SPRING_DATASOURCE_URL (spring.datasource.url) is not set, and the \
                        service holds no embedded database.""", """
                        Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to a \
                        PostgreSQL 18 database (Flyway migrates it at startup). To try the service on an embedded \
                        PostgreSQL with demo data, run ./mvnw spring-boot:run in its project instead.""", failure);
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Spring Boot's own analysis of the same failure
    }
}
