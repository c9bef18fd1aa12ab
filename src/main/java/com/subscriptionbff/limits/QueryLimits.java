package com.subscriptionbff.limits;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Depth and complexity limits, checked before anything runs. Complexity counts every field once and multiplies
 * a list field's selection by its page size (`first`) or its number of days, so it tracks the rows a query can touch.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${bff.graphql.max-depth:15}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(
            @Value("${bff.graphql.max-complexity:5000}") int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity, pageSizeWeighted());
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
