package com.subscriptionbff.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Front ends send the same few documents again and again: each is parsed and validated once, then taken from a
 * bounded cache keyed by its text. Depth and complexity limits still run on every request (they check the operation
 * at execution, after this).
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache {

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache(@Value("${bff.graphql.document-cache-size:1000}") int size) {
        Cache<String, PreparsedDocumentEntry> cache = Caffeine.newBuilder().maximumSize(size).build();
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
                    ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                return CompletableFuture.completedFuture(
                        cache.get(input.getQuery(), query -> parseAndValidate.apply(input)));
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }
}
