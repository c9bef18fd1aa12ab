package com.subscriptionbff.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts every SQL statement (`bff_sql_statements_total`): the N+1 guard of tests and benchmark. jOOQ's executions
 * count through an execute listener; a {@link RenderedQuery}, which runs its SQL through JDBC, counts itself.
 */
@Configuration(proxyBeanMethods = false)
class SqlStatementMetrics {

    private static final String COUNTER = SqlStatementMetrics.class.getName();

    @Bean
    Counter sqlStatementCounter(MeterRegistry registry) {
        return Counter.builder("bff.sql.statements")
                .description("SQL statements executed")
                .register(registry);
    }

    @Bean
    ExecuteListenerProvider sqlStatementListener(Counter sqlStatementCounter) {
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                sqlStatementCounter.increment();
            }
        });
    }

    /** The counter travels in jOOQ's configuration, where a statement run outside jOOQ's execution finds it. */
    @Bean
    DefaultConfigurationCustomizer sqlStatementCounterInConfiguration(Counter sqlStatementCounter) {
        return configuration -> configuration.data(COUNTER, sqlStatementCounter);
    }

    static void countOne(org.jooq.Configuration configuration) {
        if (configuration.data(COUNTER) instanceof Counter counter) {
            counter.increment();
        }
    }
}
