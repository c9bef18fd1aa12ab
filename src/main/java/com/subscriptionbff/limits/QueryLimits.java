package com.subscriptionbff.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryReducer;
import graphql.analysis.QueryTraverser;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Depth and complexity limits, checked before anything runs. Complexity counts every field once and multiplies
 * a list field's selection by its page size (`first`) or its number of days, so it tracks the rows a query can touch.
 * <p>
 * Both are measured once per document and per value of its Int and Boolean variables, the only ones that can change
 * them (page sizes, days, @skip/@include): the page sends the same documents for other ids, and walking the whole
 * operation on every request cost more than a fifth of what the Overview allocated.
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final int maxComplexity;
    private final Cache<Shape, Measure> measured;

    QueryLimits(@Value("${bff.graphql.max-depth:15}") int maxDepth,
                @Value("${bff.graphql.max-complexity:5000}") int maxComplexity,
                @Value("${bff.graphql.document-cache-size:1000}") int cacheSize) {
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
        this.measured = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** What the limits depend on: the document, the operation and the variables that can change its size. */
    private record Shape(String document, String operationName, Map<String, Object> sizingVariables) {
    }

    private record Measure(int depth, int complexity) {
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Shape shape = new Shape(context.getExecutionInput().getQuery(), context.getExecutionInput().getOperationName(),
                sizingVariables(context.getCoercedVariables().toMap()));
        Measure measure = measured.get(shape, key -> measure(context));
        if (measure.depth() > maxDepth) {
            throw new AbortExecutionException(
                    "maximum query depth exceeded " + measure.depth() + " > " + maxDepth);
        }
        if (measure.complexity() > maxComplexity) {
            throw new AbortExecutionException(
                    "maximum query complexity exceeded " + measure.complexity() + " > " + maxComplexity);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static Map<String, Object> sizingVariables(Map<String, Object> variables) {
        Map<String, Object> sizing = new HashMap<>();
        variables.forEach((name, value) -> {
            if (value instanceof Integer || value instanceof Boolean) {
                sizing.put(name, value);
            }
        });
        return sizing;
    }

    private static Measure measure(ExecutionContext context) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build();
        QueryReducer<Integer> deepest = (field, depth) -> Math.max(depth, pathLength(field));
        int depth = traverser.reducePreOrder(deepest, 0);
        int complexity = QueryComplexityCalculator.newCalculator()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .variables(context.getCoercedVariables())
                .fieldComplexityCalculator(pageSizeWeighted())
                .build()
                .calculate();
        return new Measure(depth, complexity);
    }

    private static int pathLength(graphql.analysis.QueryVisitorFieldEnvironment field) {
        int length = 1;
        for (var parent = field.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
            length++;
        }
        return length;
    }

    static FieldComplexityCalculator pageSizeWeighted() {
        return (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            Object days = environment.getArguments().get("days");
            int multiplier = first instanceof Integer n ? Math.max(n, 1) : days instanceof Integer d ? Math.max(d, 1) : 1;
            return 1 + childComplexity * multiplier;
        };
    }
}
