package com.subscriptionbff.limits;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.jooq.conf.Settings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A request that runs longer than `bff.graphql.timeout` is answered with a TIMEOUT error; the same bound is set as
 * the JDBC query timeout, so the database stops working on it too.
 */
@Configuration(proxyBeanMethods = false)
class RequestTimeout {

    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    @Bean
    WebGraphQlInterceptor requestTimeoutInterceptor(@Value("${bff.graphql.timeout:10s}") Duration timeout) {
        return interceptor(timeout);
    }

    @Bean
    DefaultConfigurationCustomizer queryTimeout(@Value("${bff.graphql.timeout:10s}") Duration timeout) {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        return configuration -> configuration.set(configuration.settings() == null
                ? new Settings().withQueryTimeout(seconds)
                : configuration.settings().withQueryTimeout(seconds));
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
