package com.subscriptionbff.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import com.subscriptionbff.demo.DemoMode;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every GraphQL request carries a JWT bearer token; its subject is the user. What the user may see is decided
 * from our database (membership and role), never from claims of the token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, Environment environment)
            throws Exception {
        if (jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("No JWT issuer configured: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri), or run in demo mode");
        }
        // without an audience, a token the same identity provider made for another application would be accepted
        if (!DemoMode.isEnabled(environment)
                && environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences", "").isBlank()) {
            throw new IllegalStateException("No JWT audience configured: set "
                    + "spring.security.oauth2.resourceserver.jwt.audiences to this API's audience");
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql").authenticated()
                        // Stripe signs its webhooks: the signature is the credential
                        .requestMatchers(HttpMethod.POST, "/stripe/webhooks").permitAll()
                        // the product's services, with a service credential: never a user's token
                        .requestMatchers(HttpMethod.POST, "/internal/credit-usage").hasAuthority("SCOPE_credits:record")
                        .requestMatchers("/graphiql", "/graphiql/**", "/demo/**", "/error",
                                "/exports/**", // signed links carry their own authorization
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.decoder(new CachingJwtDecoder(jwtDecoder.getObject()))))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The default firewall, with its header checks done without regular expressions. */
    @Bean
    WebSecurityCustomizer headerFirewall() {
        return web -> web.httpFirewall(HeaderCharacters.firewall());
    }

    /** No observation per security filter: a dozen of them per request cost more than the request's own SQL. */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
