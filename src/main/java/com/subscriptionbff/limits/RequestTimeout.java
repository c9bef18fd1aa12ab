package com.subscriptionbff.limits;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request that runs longer than `bff.graphql.timeout` is answered with a TIMEOUT error. The database stops on its
 * own: every connection runs with PostgreSQL's statement_timeout (spring.datasource.hikari.connection-init-sql),
 * which costs nothing per statement, unlike a JDBC query timeout (a timer task per statement in pgjdbc).
 * The execution runs on a thread of its own (one virtual thread per request) while the request's thread waits for it:
 * controller methods block where they run, and a request thread blocked in them could not answer when the time is up.
 * <p>
 * At most `bff.graphql.max-concurrent-executions` run at once; the others wait their turn, which counts toward their
 * time. A request answered before its turn never runs. At most `bff.graphql.max-waiting-executions` wait: beyond
 * that a request is answered at once with an OVERLOADED error (try again later). Under more load than the machine
 * serves, requests so end in errors instead of piling up until the heap runs out (seen twice: an open-loop overload
 * exhausted 256 MB, the second time with thousands of request threads parked waiting for a turn).
 */
@Configuration(proxyBeanMethods = false)
class RequestTimeout {

    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");
    static final ErrorClassification OVERLOADED = ErrorClassification.errorClassification("OVERLOADED");

    @Bean
    WebGraphQlInterceptor requestTimeoutInterceptor(@Value("${bff.graphql.timeout:10s}") Duration timeout,
            @Value("${bff.graphql.max-concurrent-executions:32}") int maxConcurrentExecutions,
            @Value("${bff.graphql.max-waiting-executions:256}") int maxWaitingExecutions,
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor executor) {
        return interceptor(timeout, maxConcurrentExecutions, maxWaitingExecutions, executor);
    }

    static WebGraphQlInterceptor interceptor(Duration timeout, int maxConcurrentExecutions, int maxWaitingExecutions,
                                             Executor executor) {
        // requests between their arrival here and their answer: running or waiting for a turn
        AtomicInteger admitted = new AtomicInteger();
        int mostAdmitted = maxConcurrentExecutions + maxWaitingExecutions;
        Semaphore turns = new Semaphore(maxConcurrentExecutions, true);
        // the permit is held by the thread that runs the execution, for as long as it runs (a timeout does not stop it)
        Scheduler execution = Schedulers.fromExecutor(task -> executor.execute(() -> {
            turns.acquireUninterruptibly();
            try {
                task.run();
            } finally {
                turns.release();
            }
        }));
        // the calling thread waits for the answer, so the response is complete when Spring MVC gets it: no servlet
        // async dispatch (a second pass through the filter chain) per request
        return (request, chain) -> Mono.deferContextual(context -> {
            if (admitted.incrementAndGet() > mostAdmitted) {
                admitted.decrementAndGet();
                return Mono.just(overloaded(request));
            }
            try {
                return answer(request, chain, execution, context, timeout);
            } finally {
                admitted.decrementAndGet();
            }
        });
    }

    private static Mono<WebGraphQlResponse> answer(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain,
                                                   Scheduler execution, ContextView context, Duration timeout) {
        CompletableFuture<WebGraphQlResponse> answer = Mono.defer(() -> chain.next(request))
                .subscribeOn(execution)
                .contextWrite(context)
                .toFuture();
        try {
            return Mono.just(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Mono.just(timedOut(request, timeout));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Mono.error(e);
        } catch (ExecutionException e) {
            return Mono.error(e.getCause());
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
