package com.subscriptionbff.limits;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request that runs longer than `bff.graphql.timeout` is answered with a TIMEOUT error. The database stops on its
 * own: every connection runs with PostgreSQL's statement_timeout (spring.datasource.hikari.connection-init-sql),
 * which costs nothing per statement, unlike a JDBC query timeout (a timer task per statement in pgjdbc).
 * The execution runs on a thread of its own (one virtual thread per request) while the request's thread waits for it:
 * controller methods block where they run, and a request thread blocked in them could not answer when the time is up.
 * <p>
 * At most `bff.graphql.max-concurrent-executions` run at once, by default as many as the pool has connections; the
 * others wait their turn, which counts toward their time. An execution holds one connection at a time, so none waits
 * for one inside the pool, where each wait costs thread wakeups (Hikari's connection adder, a timed park): with 32
 * executions on 10 connections, the Overview took 15 % more CPU per request and twice the context switches.
 * A request answered before its turn never runs. At most `bff.graphql.max-waiting-executions` wait: beyond that a
 * request is answered at once with an OVERLOADED error (try again later). Under more load than the machine serves,
 * requests so end in errors instead of piling up until the heap runs out (seen twice: an open-loop overload
 * exhausted 256 MB, the second time with thousands of request threads parked waiting for a turn).
 */
@Configuration(proxyBeanMethods = false)
class RequestTimeout {

    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");
    static final ErrorClassification OVERLOADED = ErrorClassification.errorClassification("OVERLOADED");

    @Bean
    Interceptor requestTimeoutInterceptor(@Value("${bff.graphql.timeout:10s}") Duration timeout,
            @Value("${bff.graphql.max-concurrent-executions:${spring.datasource.hikari.maximum-pool-size}}")
            int maxConcurrentExecutions,
            @Value("${bff.graphql.max-waiting-executions:256}") int maxWaitingExecutions,
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor executor) {
        return new Interceptor(timeout, maxConcurrentExecutions, maxWaitingExecutions, executor);
    }

    /** Closing it stops its deadline checks (Spring closes the bean with its context). */
    static final class Interceptor implements WebGraphQlInterceptor, AutoCloseable {

        private final Duration timeout;
        // requests between their arrival here and their answer: running or waiting for a turn
        private final AtomicInteger admitted = new AtomicInteger();
        private final int mostAdmitted;
        private final Scheduler execution;
        private final Deadlines deadlines;

        Interceptor(Duration timeout, int maxConcurrentExecutions, int maxWaitingExecutions, Executor executor) {
            this.timeout = timeout;
            this.mostAdmitted = maxConcurrentExecutions + maxWaitingExecutions;
            Semaphore turns = new Semaphore(maxConcurrentExecutions, true);
            // the permit is held by the thread that runs the execution, for as long as it runs (a timeout does not
            // stop it)
            this.execution = Schedulers.fromExecutor(task -> executor.execute(() -> {
                turns.acquireUninterruptibly();
                try {
                    task.run();
                } finally {
                    turns.release();
                }
            }));
            this.deadlines = new Deadlines(timeout);
        }

        // the calling thread waits for the answer, so the response is complete when Spring MVC gets it: no servlet
        // async dispatch (a second pass through the filter chain) per request
        @Override
        public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            return Mono.deferContextual(context -> {
                if (admitted.incrementAndGet() > mostAdmitted) {
                    admitted.decrementAndGet();
                    return Mono.just(overloaded(request));
                }
                try {
                    return answer(request, chain, context);
                } finally {
                    admitted.decrementAndGet();
                }
            });
        }

        private Mono<WebGraphQlResponse> answer(WebGraphQlRequest request, Chain chain, ContextView context) {
            CompletableFuture<WebGraphQlResponse> answer = Mono.defer(() -> chain.next(request))
                    .subscribeOn(execution)
                    .contextWrite(context)
                    .toFuture();
            Deadlines.Watch watch = deadlines.watch(answer);
            try {
                return Mono.just(answer.get());
            } catch (CancellationException e) { // only its deadline cancels it
                return Mono.just(timedOut(request, timeout));
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                return Mono.error(e);
            } catch (ExecutionException e) {
                return Mono.error(e.getCause());
            } finally {
                watch.answered();
            }
        }

        @Override
        public void close() {
            deadlines.close();
        }
    }

    /**
     * Cancels the answers still awaited at their deadline, checked for all requests every tenth of the timeout (at
     * most every 50 ms) on the common pool's scheduler. A timed wait per request instead woke the JDK's delay
     * scheduler thread to arm it and again to disarm it: with the Overview at concurrency 16 it made up half of the
     * service's voluntary context switches (3.5 against 1.7 per request); its CPU per request, alternating, was 0 to
     * 9 % more.
     */
    static final class Deadlines implements AutoCloseable {

        /** Forgets its answer once answered, so that a watch left behind a slower one holds no response. */
        static final class Watch {
            final long deadline;
            volatile CompletableFuture<?> awaited;

            Watch(long deadline, CompletableFuture<?> awaited) {
                this.deadline = deadline;
                this.awaited = awaited;
            }

            void answered() {
                awaited = null;
            }
        }

        private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

        private final long timeoutNanos;
        // in the order of their deadlines, since every request has the same timeout
        private final Queue<Watch> watches = new ConcurrentLinkedQueue<>();
        private final ScheduledFuture<?> checks;

        Deadlines(Duration timeout) {
            this.timeoutNanos = timeout.toNanos();
            long tick = Math.clamp(timeout.toMillis() / 10, 1, 50);
            this.checks = ForkJoinPool.commonPool().scheduleWithFixedDelay(this::cancelOverdue, tick, tick,
                    TimeUnit.MILLISECONDS);
        }

        Watch watch(CompletableFuture<?> answer) {
            Watch watch = new Watch(System.nanoTime() + timeoutNanos, answer);
            watches.add(watch);
            return watch;
        }

        private void cancelOverdue() {
            long now = System.nanoTime();
            for (Watch watch = watches.peek(); watch != null; watch = watches.peek()) {
                CompletableFuture<?> awaited = watch.awaited;
                if (awaited != null && watch.deadline - now > 0) {
                    return;
                }
                watches.poll();
                if (awaited != null) {
                    try {
                        awaited.cancel(true);
                    } catch (RuntimeException e) { // a periodic task that throws is never run again
                        log.warn("Cancelling an overdue GraphQL execution failed", e);
                    }
                }
            }
        }

        @Override
        public void close() {
            checks.cancel(false);
        }
    }

    private static WebGraphQlResponse timedOut(WebGraphQlRequest request, Duration timeout) {
        return error(request, TIMEOUT, "the request took longer than " + timeout.toMillis() + " ms and was stopped");
    }

    private static WebGraphQlResponse overloaded(WebGraphQlRequest request) {
        return error(request, OVERLOADED, "the service has more requests than it can take at once; try again shortly");
    }

    private static WebGraphQlResponse error(WebGraphQlRequest request, ErrorClassification type, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message(message).errorType(type).build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
