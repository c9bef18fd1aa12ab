package com.subscriptionbff.graphql;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Two bounds on every GraphQL request, as interceptors around Spring for GraphQL's handling.
 * <ul>
 * <li>A request running longer than `bff.graphql.timeout` (10 s) is answered with a TIMEOUT error: Spring's
 * {@code TimeoutWebGraphQlInterceptor} with a GraphQL answer instead of a bare HTTP status. The database stops on its
 * own: every connection runs with PostgreSQL's statement_timeout (spring.datasource.hikari.connection-init-sql).</li>
 * <li>At most `bff.graphql.max-concurrent-requests` (256) run at once; beyond, a request is answered at once with
 * OVERLOADED (try again shortly) rather than queueing until the heap runs out under more load than the machine
 * serves. Requests beyond the pool's connections wait inside the pool, at most its connection timeout (2 s).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");
    static final ErrorClassification OVERLOADED = ErrorClassification.errorClassification("OVERLOADED");

    @Bean
    @Order(1)
    WebGraphQlInterceptor concurrentRequestsLimit(
            @Value("${bff.graphql.max-concurrent-requests:256}") int maxConcurrentRequests) {
        return concurrencyLimit(maxConcurrentRequests);
    }

    @Bean
    @Order(2)
    WebGraphQlInterceptor requestTimeout(@Value("${bff.graphql.timeout:10s}") Duration timeout) {
        return timeout(timeout);
    }

    static WebGraphQlInterceptor timeout(Duration timeout) {
        String message = "the request took longer than " + timeout.toMillis() + " ms and was stopped";
        return (request, chain) -> chain.next(request)
                .timeout(timeout, Mono.fromSupplier(() -> error(request, TIMEOUT, message)));
    }

    static WebGraphQlInterceptor concurrencyLimit(int maxConcurrentRequests) {
        Semaphore running = new Semaphore(maxConcurrentRequests);
        return (request, chain) -> Mono.defer(() -> {
            if (!running.tryAcquire()) {
                return Mono.just(error(request, OVERLOADED,
                        "the service has more requests than it can take at once; try again shortly"));
            }
            return chain.next(request).doFinally(signal -> running.release());
        });
    }

    private static WebGraphQlResponse error(WebGraphQlRequest request, ErrorClassification type, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message(message).errorType(type).build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
