package com.subscriptionbff.graphql;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Production option (`bff.graphql.trusted-documents.enabled`): only the documents the front ends shipped may run,
 * matched by the SHA-256 of their exact text; anything else is refused with PERSISTED_QUERY_NOT_ALLOWED before it is
 * parsed. (Hash-only requests are not possible: Spring's HTTP transport requires the document text.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("bff.graphql.trusted-documents.enabled")
class TrustedDocuments {

    static final ErrorClassification NOT_ALLOWED = ErrorClassification.errorClassification("PERSISTED_QUERY_NOT_ALLOWED");
    private static final Logger log = LoggerFactory.getLogger(TrustedDocuments.class);

    @Bean
    WebGraphQlInterceptor trustedDocumentsInterceptor(
            @Value("${bff.graphql.trusted-documents.location:classpath*:graphql-allowlist/*.graphql}") String location)
            throws IOException {
        Map<String, String> documents = new HashMap<>();  // by SHA-256
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
            String document = resource.getContentAsString(StandardCharsets.UTF_8);
            documents.put(sha256(document), document);
        }
        log.info("Trusted documents only: {} documents from {}", documents.size(), location);
        return interceptor(documents);
    }

    /** @param documents the allowed documents by the hex SHA-256 of their exact text */
    static WebGraphQlInterceptor interceptor(Map<String, String> documents) {
        return (request, chain) -> {
            if (!documents.containsKey(sha256(request.getDocument()))) {
                return Mono.just(refused(request));
            }
            return chain.next(request);
        };
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message("only trusted documents may run here; this one is not on the list")
                        .errorType(NOT_ALLOWED)
                        .build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    static String sha256(String document) {
        return DigestUtils.sha256Hex(document);
    }
}
