package com.subscriptionbff.jooq;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Shorter SQL to render and send: everything lives in the search path's schema; no per-statement logging hook. */
@Configuration(proxyBeanMethods = false)
class JooqSettings {

    @Bean
    DefaultConfigurationCustomizer leanJooq() {
        return configuration -> configuration.settings()
                .withRenderSchema(false)
                .withExecuteLogging(false);
    }
}
