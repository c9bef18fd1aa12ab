package com.subscriptionbff.jooq;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts every SQL statement jOOQ runs (`bff_sql_statements_total`): the N+1 guard of tests and benchmark.
 */
@Configuration(proxyBeanMethods = false)
class SqlStatementMetrics {

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
}
