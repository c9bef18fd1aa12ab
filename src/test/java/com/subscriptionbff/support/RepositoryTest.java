package com.subscriptionbff.support;

import com.subscriptionbff.demo.EmbeddedDatabase;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jooq.test.autoconfigure.JooqTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.DispatcherServlet;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository against the real schema, without the rest of the service: Spring Boot's jOOQ slice (a DSLContext,
 * transactions, and Flyway's migrations through the slice's data source initialization), over the same PostgreSQL 18
 * as {@link IntegrationTest} (a Testcontainers container, or the embedded server). No web server, no GraphQL, no
 * controller and no other repository: a subclass imports the repository it tests. Each test runs in a transaction
 * rolled back after it, so the rows it inserts (with jOOQ, or {@link TestData}) are seen by it alone.
 */
@JooqTest
@Import({EmbeddedDatabase.class, TestData.class, RepositoryTest.StatementCounter.class})
public abstract class RepositoryTest {

    @Autowired
    protected DSLContext db;

    @Autowired
    protected TestData testData;

    @Autowired
    private StatementCounter statements;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** What an action answered, and how many SQL statements it ran to answer it. */
    protected record Counted<T>(T result, long statements) {
    }

    protected <T> Counted<T> counted(Supplier<T> action) {
        long before = statements.count.get();
        T result = action.get();
        return new Counted<>(result, statements.count.get() - before);
    }

    @Test
    protected void theSliceStartsNeitherTheWebLayerNorGraphQl() {
        assertThat(context.getBeanNamesForType(DispatcherServlet.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GraphQlSource.class)).isEmpty();
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.endsWith("Controller"));
    }

    /** Counts the statements jOOQ runs, as the service's SqlStatementMetrics does. */
    static final class StatementCounter implements ExecuteListenerProvider, ExecuteListener {

        private final AtomicLong count = new AtomicLong();

        @Override
        public ExecuteListener provide() {
            return this;
        }

        @Override
        public void executeStart(ExecuteContext context) {
            count.incrementAndGet();
        }
    }
}
