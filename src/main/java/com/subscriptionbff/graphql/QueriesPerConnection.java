package com.subscriptionbff.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.language.OperationDefinition.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queries run at most as many at once as the pool has connections; the others wait their turn here, in order, at
 * most the pool's own connection timeout, then get OVERLOADED (try again shortly).
 * <p>
 * A query holds one connection at a time, for each of its few statements. With more queries running than
 * connections, each statement waits inside the pool, whose hand-off spins and yields while anyone waits: under load
 * that cost more CPU per request than the statements themselves. Waiting once, before the query starts, costs a park
 * and an unpark. Mutations are not counted: most of their time is spent waiting on Stripe, not on a connection.
 * <p>
 * The operation's kind is known once its document is parsed, so the turn is taken when graphql-java begins the
 * operation, by {@link QueryAdmission} once the operation is within its limits; the interceptor around the whole
 * request gives it back, whatever way the request ends.
 */
@Configuration(proxyBeanMethods = false)
class QueriesPerConnection {

    private static final String TURN = QueriesPerConnection.class.getName();

    private final Semaphore turns;
    private final long maxWaitNanos;

    QueriesPerConnection(@Value("${spring.datasource.hikari.maximum-pool-size:10}") int connections,
                         @Value("${spring.datasource.hikari.connection-timeout:2000}") long maxWaitMillis) {
        this.turns = new Semaphore(connections, true);
        this.maxWaitNanos = Duration.ofMillis(maxWaitMillis).toNanos();
    }

    /** A request's turn: none yet, held, or given back with the request's end (then a late turn is given back). */
    private static final class Turn extends AtomicInteger {
        static final int NONE = 0;
        static final int HELD = 1;
        static final int ENDED = 2;
    }

    @Bean
    @Order(3)
    WebGraphQlInterceptor queryTurns() {
        return (request, chain) -> {
            Turn turn = new Turn();
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(TURN, turn)).build());
            return chain.next(request).doFinally(signal -> {
                if (turn.getAndSet(Turn.ENDED) == Turn.HELD) {
                    turns.release();
                }
            });
        };
    }

    /** A query waits here for its turn (a mutation goes on at once), before any of its fields runs. */
    void waitForTurn(ExecutionContext execution) {
        Turn turn = execution.getGraphQLContext().get(TURN);
        if (turn != null && execution.getOperationDefinition().getOperation() == Operation.QUERY) {
            waitForTurn(turn);
        }
    }

    private void waitForTurn(Turn turn) {
        boolean taken;
        try {
            taken = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(RequestLimits.OVERLOADED)
                    .message("the service has more queries than it can take at once; try again shortly")
                    .build()));
        }
        if (!turn.compareAndSet(Turn.NONE, Turn.HELD)) {
            turns.release();  // the request ended (timed out) while it waited
        }
    }
}
