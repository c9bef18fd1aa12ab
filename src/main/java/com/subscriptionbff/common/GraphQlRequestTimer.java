package com.subscriptionbff.common;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * `graphql.request`: one timer sample per GraphQL request, by outcome. It replaces Spring's observation
 * instrumentation (excluded in application.yaml), which wraps every field's data fetcher and every DataLoader batch
 * in an observation even when those are turned off: a tenth of the Overview's CPU, for no tracing we use.
 */
@Component
class GraphQlRequestTimer extends SimplePerformantInstrumentation {

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

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        long started = System.nanoTime();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            Timer timer = failure != null ? internalError : result.getErrors().isEmpty() ? success : requestError;
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        });
    }
}
