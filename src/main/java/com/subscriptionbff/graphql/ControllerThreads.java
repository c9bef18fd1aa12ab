package com.subscriptionbff.graphql;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * Which controller methods Spring for GraphQL hands to another thread.
 * <p>
 * With virtual threads on, Spring Boot gives the controllers its application task executor, and Spring for GraphQL
 * then runs every controller method that returns a plain value on a new thread of that executor ("Blocking Execution"
 * in its reference). A query's request already runs on a virtual thread of its own, which may block; a new thread per
 * field (a money amount's format, a date) only adds a thread, a context snapshot and a servlet async dispatch to
 * every query, so query fields run where the request runs, the way the reference's blocking-method predicate allows.
 * <p>
 * Mutations keep their own thread: they wait on Stripe, and there the request's timeout ({@link RequestLimits}) answers
 * TIMEOUT while the call is still out. A query's statements stop on their own at PostgreSQL's statement_timeout.
 */
@Configuration(proxyBeanMethods = false)
class ControllerThreads {

    @Bean
    static BeanPostProcessor mutationsOnTheirOwnThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer controllers) {
                    controllers.setBlockingMethodPredicate(method -> method.hasMethodAnnotation(MutationMapping.class));
                }
                return bean;
            }
        };
    }
}
