package com.subscriptionbff.graphql;

import com.subscriptionbff.common.PageRequest;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

import java.util.List;

/**
 * Depth and complexity limits, checked by graphql-java's own complexity instrumentation ({@link QueryAdmission})
 * before any field runs.
 * Complexity counts every field once and multiplies a list field's selection by its page size (`first`) or its number of days,
 * so it tracks the rows a query can touch.
 * <p>
 * A page size or a number of days outside its bounds makes the whole request fail with BAD_REQUEST before anything
 * runs: it cannot shrink the measure (a negative or huge `first`) and leave the other aliases to run. The arithmetic
 * saturates: each field weighs at most {@code maxComplexity + 1}, and a document has at most 15,000 tokens
 * (graphql-java's parser limit), so no sum of siblings can wrap around an int.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /** A connection's page size, the same bound every connection field enforces ({@link PageRequest}). */
    @Bean
    SizingArgument pageSize() {
        return new SizingArgument("first", 1, PageRequest.MAX_PAGE_SIZE);
    }

    /**
     * Depth is checked in the same walk of the document as complexity: graphql-java's MaxQueryDepthInstrumentation
     * walks it once more, which made up 12 % of all the Overview allocated (a JFR profile; complexity's walk is 14 %).
     */
    @Bean
    MaxQueryComplexityInstrumentation queryAdmission(@Value("${bff.graphql.max-complexity:5000}") int maxComplexity,
                                                    @Value("${bff.graphql.max-depth:15}") int maxDepth,
                                                    List<SizingArgument> sizingArguments,
                                                    QueriesPerConnection turns) {
        return new QueryAdmission(maxComplexity, pageSizeWeighted(maxComplexity, maxDepth, sizingArguments), turns);
    }

    /**
     * 1 + the selection's complexity times the list's size, at most {@code maxComplexity + 1}; a field deeper than
     * {@code maxDepth} aborts the request as MaxQueryDepthInstrumentation would.
     */
    static FieldComplexityCalculator pageSizeWeighted(int maxComplexity, int maxDepth, List<SizingArgument> sizing) {
        long ceiling = maxComplexity + 1L;
        return (environment, childComplexity) -> {
            int depth = 1;
            for (var parent = environment.getParentEnvironment(); parent != null;
                 parent = parent.getParentEnvironment()) {
                depth++;
            }
            if (depth > maxDepth) {
                throw new AbortExecutionException("maximum query depth exceeded " + depth + " > " + maxDepth);
            }
            long multiplier = 1;
            for (SizingArgument argument : sizing) {
                Object value = environment.getArguments().get(argument.name());
                if (value != null) {
                    multiplier = checked(environment.getField().getName(), value, argument);
                }
            }
            return (int) Math.min(ceiling, 1 + Math.min(ceiling, childComplexity) * multiplier);
        };
    }

    private static int checked(String field, Object value, SizingArgument bounds) {
        String argument = bounds.name();
        if (value instanceof Integer size && size >= bounds.min() && size <= bounds.max()) {
            return size;
        }
        throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message("%s(%s: %s): %s must be between %d and %d; nothing was run"
                        .formatted(field, argument, value, argument, bounds.min(), bounds.max()))
                .build()));
    }
}
