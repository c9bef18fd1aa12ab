package com.subscriptionbff.limits;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A request that runs longer than `bff.graphql.timeout` is answered with a TIMEOUT error. The database stops on its
 * own: every connection runs with PostgreSQL's statement_timeout (spring.datasource.hikari.connection-init-sql),
 * which costs nothing per statement, unlike a JDBC query timeout (a timer task per statement in pgjdbc).
 */
@Configuration(proxyBeanMethods = false)
class RequestTimeout {

    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    @Bean
    WebGraphQlInterceptor requestTimeoutInterceptor(@Value("${bff.graphql.timeout:10s}") Duration timeout) {
        return interceptor(timeout);
    }

    static WebGraphQlInterceptor interceptor(Duration timeout) {
        return (request, chain) -> chain.next(request).timeout(timeout, Mono.fromSupplier(() -> timedOut(request, timeout)));
    }

    private static WebGraphQlResponse timedOut(WebGraphQlRequest request, Duration timeout) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message("the request took longer than " + timeout.toMillis() + " ms and was stopped")
                        .errorType(TIMEOUT)
                        .build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
