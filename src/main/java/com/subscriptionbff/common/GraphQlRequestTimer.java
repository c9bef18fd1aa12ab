package com.subscriptionbff.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeUnit;

/**
 * `graphql.request`: one timer sample per GraphQL request, by outcome, from the first interceptor to the response
 * (a wait for a turn to run and a timeout included). It replaces Spring's observation instrumentation (excluded in
 * application.yaml), which wraps every field's data fetcher and every DataLoader batch in an observation even when
 * those are turned off: a tenth of the Overview's CPU, for no tracing we use. An interceptor, not an
 * instrumentation: graphql-java calls every instrumentation on every field.
 * <p>
 * Nor is `http.server.requests` recorded for the GraphQL endpoint, which this timer covers: the HTTP observation's
 * tags, handler and timer cost 3 % of the Overview's CPU samples. The other endpoints keep it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlRequestTimer implements WebGraphQlInterceptor {

    private final Timer success;
    private final Timer requestError;
    private final Timer internalError;

    GraphQlRequestTimer(MeterRegistry registry) {
        this.success = timer(registry, "SUCCESS");
        this.requestError = timer(registry, "REQUEST_ERROR");
        this.internalError = timer(registry, "INTERNAL_ERROR");
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("graphql.request")
                .description("GraphQL requests, from parsing to the response")
                .tag("graphql.outcome", outcome)
                .register(registry);
    }

    @Bean
    static ObservationPredicate noHttpObservationOfGraphQlRequests(
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        return (name, context) -> !(context instanceof ServerRequestObservationContext http
                && isPath(http.getCarrier().getRequestURI(), http.getCarrier().getContextPath(), graphQlPath));
    }

    /** uri == contextPath + path, without building a string per request. */
    private static boolean isPath(String uri, String contextPath, String path) {
        return uri.length() == contextPath.length() + path.length() && uri.startsWith(contextPath)
                && uri.endsWith(path);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long started = System.nanoTime();
        return chain.next(request)
                .doOnSuccess(response -> record(response == null ? internalError
                        : response.getErrors().isEmpty() ? success : requestError, started))
                .doOnError(failure -> record(internalError, started));
    }

    private static void record(Timer timer, long started) {
        timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
