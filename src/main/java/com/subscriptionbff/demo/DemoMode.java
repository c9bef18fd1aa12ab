package com.subscriptionbff.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode (demo data, self-signed demo tokens): on when `bff.demo.enabled` is true, and by default only when
 * no database is configured (a development run on its embedded PostgreSQL), so that a deployment with a real
 * database is never in demo mode by accident.
 */
public final class DemoMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEnabled(context.getEnvironment());
    }

    public static boolean isEnabled(org.springframework.core.env.Environment environment) {
        String explicit = environment.getProperty("bff.demo.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
