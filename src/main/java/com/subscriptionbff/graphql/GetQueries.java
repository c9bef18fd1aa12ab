package com.subscriptionbff.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.OperationDefinition.Operation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GET /graphql runs a query given in the URL (`query`, `operationName`, `variables` and `extensions` as JSON), as the
 * GraphQL-over-HTTP specification allows, through the same handling as POST: authentication, interceptors, limits,
 * errors. A GET never changes anything: a mutation (or a subscription) sent with GET is refused with 405 Method Not
 * Allowed and `Allow: POST`, before it runs. Spring for GraphQL serves POST only; Spring Boot answers every GET of the
 * endpoint with 405, so this route is ordered before Boot's.
 */
@Configuration(proxyBeanMethods = false)
class GetQueries {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlGetQueries(WebGraphQlHandler handler, JsonMapper json,
                                                    @Value("${spring.graphql.http.path:/graphql}") String path) {
        return RouterFunctions.route().GET(path, request -> get(request, handler, json)).build();
    }

    private static ServerResponse get(ServerRequest request, WebGraphQlHandler handler, JsonMapper json) {
        String query = request.param("query").orElse("");
        if (query.isBlank()) {
            return refused(HttpStatus.BAD_REQUEST, "a GET needs the document in the `query` parameter");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        request.param("operationName").filter(name -> !name.isBlank()).ifPresent(name -> body.put("operationName", name));
        try {
            for (String name : List.of("variables", "extensions")) {
                String value = request.param(name).orElse("");
                if (!value.isBlank()) {
                    body.put(name, json.readValue(value, JSON_OBJECT));
                }
            }
        } catch (JacksonException e) {
            return refused(HttpStatus.BAD_REQUEST, "`variables` and `extensions` must be JSON objects");
        }
        if (!isQuery(query, (String) body.get("operationName"))) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.POST)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(errors("only queries may be sent with GET: send mutations and subscriptions with POST"));
        }
        var graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                new LinkedMultiValueMap<>(), request.remoteAddress().orElse(null), request.attributes(), body,
                UUID.randomUUID().toString(), LocaleContextHolder.getLocale());
        MediaType type = request.headers().accept().stream().anyMatch(GRAPHQL_RESPONSE::isCompatibleWith)
                ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
        return ServerResponse.async(handler.handleRequest(graphQlRequest)
                .map(response -> ServerResponse.ok().contentType(type).header("Cache-Control", "private, no-store")
                        .body(response.toMap()))
                .toFuture());
    }

    /**
     * Whether the operation to run is a query. A document that does not parse, or names no operation it holds, is left
     * to the execution, which answers it as for POST (it runs nothing).
     */
    private static boolean isQuery(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return true;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(operation -> operationName == null ? operations.size() == 1
                        : operationName.equals(operation.getName()))
                .allMatch(operation -> operation.getOperation() == Operation.QUERY);
    }

    private static ServerResponse refused(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(errors(message));
    }

    private static Map<String, Object> errors(String message) {
        return Map.of("errors", List.of(Map.of("message", message)));
    }
}
