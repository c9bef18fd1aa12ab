package com.subscriptionbff.common;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * graphql-java calls its instrumentation around every field. Spring wraps even a single one in a
 * ChainedInstrumentation, which allocates a list of contexts per field and hook (4 % of the Overview's CPU with
 * two): a lone instrumentation is installed as it is. With several, Spring's chain stays.
 */
@Configuration(proxyBeanMethods = false)
class LoneInstrumentation {

    @Bean
    GraphQlSourceBuilderCustomizer loneInstrumentationUnchained(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> {
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (all.size() == 1) {
                builder.configureGraphQl(graphQl -> graphQl.instrumentation(all.getFirst()));
            }
        };
    }
}
