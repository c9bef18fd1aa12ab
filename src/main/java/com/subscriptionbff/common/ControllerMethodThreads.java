package com.subscriptionbff.common;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * With virtual threads on, Spring Boot hands Spring for GraphQL an executor, and every controller method that does
 * not return a future (an invoice's status label, say) then runs on a new thread of its own, with its context
 * copied over: a dozen thread starts per Overview for no parallelism, since the page's SQL is already batched by
 * DataLoaders. Controller methods run on the thread of their request's execution instead (one virtual thread per
 * request, started by limits/RequestTimeout), where blocking costs nothing.
 */
@Configuration(proxyBeanMethods = false)
class ControllerMethodThreads {

    @Bean
    static BeanPostProcessor controllerMethodsOnTheRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }
}
