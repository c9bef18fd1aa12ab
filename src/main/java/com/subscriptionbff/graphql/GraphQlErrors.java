package com.subscriptionbff.graphql;

import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.ForbiddenException;
import com.subscriptionbff.common.LimitExceededException;
import com.subscriptionbff.common.NotFoundException;
import com.subscriptionbff.common.NotConfiguredException;
import com.subscriptionbff.common.UnavailableException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * Maps our exceptions to classified GraphQL errors, for queries and mutations and for live streams alike; anything
 * else stays the opaque INTERNAL_ERROR.
 */
@ControllerAdvice
class GraphQlErrors {

    /** Classifications of our own beyond Spring's {@link ErrorType}; the README's "Rules the API follows" lists all. */
    enum Classification implements ErrorClassification {
        /** Retryable: a system we depend on (Stripe, the database) did not answer; send the same request again. */
        UNAVAILABLE,
        /** The caller already uses as much of something as one caller may. */
        LIMIT_EXCEEDED,
        /** Not retryable: this deployment is not configured for what the request needs (Stripe without its key). */
        NOT_CONFIGURED
    }

    /**
     * Our exceptions, and any whose cause is the database being unreachable (no connection within the pool's timeout,
     * or one that broke); null for the rest, which stay INTERNAL_ERROR.
     */
    @GraphQlExceptionHandler
    GraphQLError classify(RuntimeException e, DataFetchingEnvironment env) {
        return classified(e, GraphqlErrorBuilder.newError(env));
    }

    /** The same mapping for the errors that end a live stream. */
    @Component
    static class LiveStreamErrors extends SubscriptionExceptionResolverAdapter {
        @Override
        protected GraphQLError resolveToSingleError(Throwable exception) {
            return classified(exception, GraphqlErrorBuilder.newError());
        }
    }

    /** Null for an exception we do not classify: it stays INTERNAL_ERROR, its message unrevealed. */
    private static GraphQLError classified(Throwable e, GraphqlErrorBuilder<?> error) {
        return switch (e) {
            case BadRequestException bad -> error.errorType(ErrorType.BAD_REQUEST).message(bad.getMessage()).build();
            case NotFoundException notFound -> error.errorType(ErrorType.NOT_FOUND).message(notFound.getMessage())
                    .build();
            case ForbiddenException forbidden -> error.errorType(ErrorType.FORBIDDEN).message(forbidden.getMessage())
                    .build();
            case LimitExceededException limit -> error.errorType(Classification.LIMIT_EXCEEDED).message(limit.getMessage())
                    .build();
            case UnavailableException unavailable -> retryable(error, unavailable.getMessage());
            case NotConfiguredException notConfigured -> error.errorType(Classification.NOT_CONFIGURED)
                    .message(notConfigured.getMessage()).extensions(Map.of("retryable", false)).build();
            default -> databaseUnreachable(e)
                    ? retryable(error, "the database is unavailable right now; try again shortly")
                    : null;
        };
    }

    private static GraphQLError retryable(GraphqlErrorBuilder<?> error, String message) {
        return error.errorType(Classification.UNAVAILABLE).message(message).extensions(Map.of("retryable", true))
                .build();
    }

    /** No connection in time from the pool, or a connection failure (SQLSTATE class 08, or the server shutting down). */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
