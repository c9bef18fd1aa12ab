package com.subscriptionbff.common;

import graphql.TrivialDataFetcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Money's `formatted(locale)`, asked for six times per Overview: a plain data fetcher of the source and its argument.
 * As a controller method each call built a handler method and bound its argument through Spring's data binder.
 */
@Configuration(proxyBeanMethods = false)
class MoneyFormatting {

    @Bean
    RuntimeWiringConfigurer moneyFormatted() {
        // trivial: a pure function of the Money, so no context to propagate around it
        TrivialDataFetcher<String> formatted = environment ->
                environment.<Money>getSource().formatted(Locales.parse(environment.getArgument("locale")));
        return wiring -> wiring.type("Money", type -> type.dataFetcher("formatted", formatted));
    }
}
