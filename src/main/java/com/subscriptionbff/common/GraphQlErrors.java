package com.subscriptionbff.common;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Maps our exceptions to classified GraphQL errors; anything else stays the opaque INTERNAL_ERROR. */
@ControllerAdvice
class GraphQlErrors {

    @GraphQlExceptionHandler
    GraphQLError badRequest(BadRequestException e, DataFetchingEnvironment env) {
        return error(ErrorType.BAD_REQUEST, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(NotFoundException e, DataFetchingEnvironment env) {
        return error(ErrorType.NOT_FOUND, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError forbidden(ForbiddenException e, DataFetchingEnvironment env) {
        return error(ErrorType.FORBIDDEN, e.getMessage(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError unauthorized(UnauthorizedException e, DataFetchingEnvironment env) {
        return error(ErrorType.UNAUTHORIZED, e.getMessage(), env);
    }

    /** Retryable: the client sends the same mutation with the same idempotency key again. */
    @GraphQlExceptionHandler
    GraphQLError unavailable(UnavailableException e, DataFetchingEnvironment env) {
        return GraphQLError.newError().errorType(Unavailable.UNAVAILABLE).message(e.getMessage())
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation())
                .extensions(java.util.Map.of("retryable", true)).build();
    }

    enum Unavailable implements graphql.ErrorClassification {
        UNAVAILABLE
    }

    private static GraphQLError error(ErrorType type, String message, DataFetchingEnvironment env) {
        return GraphQLError.newError().errorType(type).message(message).path(env.getExecutionStepInfo().getPath())
                .location(env.getField().getSourceLocation()).build();
    }
}
