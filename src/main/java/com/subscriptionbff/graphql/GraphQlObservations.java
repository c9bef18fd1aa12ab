package com.subscriptionbff.graphql;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * What is observed of a GraphQL request: Spring for GraphQL's {@code graphql.request} (by outcome, with its
 * histogram), once per request, and its {@code graphql.dataloader} observation of every batch. Its
 * {@code graphql.datafetcher} observation of every field is off unless {@code BFF_FIELD_METRICS=true}
 * (management.observations.enable.graphql.datafetcher): nearly all fields are read from memory, and timing each one
 * cost more than the statements the request runs. The batches stay observed: Spring for GraphQL 2.0 casts a turned-off
 * batch observation's context to its own type, and the ClassCastException, wrapped in a CompletionException with its
 * stack trace for every batch, cost about a tenth of the Overview's CPU. And {@code POST /graphql} is not timed a
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
