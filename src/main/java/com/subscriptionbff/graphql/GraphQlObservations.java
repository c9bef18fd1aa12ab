package com.subscriptionbff.graphql;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * What is observed of a GraphQL request: Spring for GraphQL's {@code graphql.request} (by outcome, with its
 * histogram), once per request. Its {@code graphql.datafetcher} observation of every field and its
 * {@code graphql.dataloader} observation of every batch are off unless {@code BFF_FIELD_METRICS=true}
 * (management.observations.enable.graphql.*): nearly all fields are read from memory, timing each one cost more than
 * the statements the request runs, and each batch is one statement, which {@code bff_sql_statements_total} counts. And {@code POST /graphql} is not timed a
 * second time as an {@code http.server.requests} observation, which would only repeat graphql.request (the other
 * endpoints are).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlObservations {

    @Bean
    ObservationPredicate graphQlRequestsObservedOnce() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext http
                && "/graphql".equals(http.getCarrier().getRequestURI()));
    }
}
