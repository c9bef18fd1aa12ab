package com.subscriptionbff.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Every GraphQL request carries a JWT bearer token; its subject is the user. What the user may see is decided
 * from our database (membership and role), never from claims of the token. A token without an expiry or a subject,
 * or longer than 8 KB, is refused with 401 like any other unacceptable token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, Environment environment)
            throws Exception {
        if (jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("No JWT issuer configured: set " + JWT + "issuer-uri (or jwk-set-uri), "
                    + "or run in demo mode");
        }
        // without an audience, a token the same identity provider made for another application would be accepted
        boolean identityProvider = !environment.getProperty(JWT + "issuer-uri", "").isBlank()
                || !environment.getProperty(JWT + "jwk-set-uri", "").isBlank()
                || !environment.getProperty(JWT + "public-key-location", "").isBlank();
        if (identityProvider && environment.getProperty(JWT + "audiences", "").isBlank()) {
            throw new IllegalStateException("No JWT audience configured: set " + JWT + "audiences to this API's "
                    + "audience");
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql").authenticated()
                        // Stripe signs its webhooks: the signature is the credential
                        .requestMatchers(HttpMethod.POST, "/stripe/webhooks").permitAll()
                        // the product's services, with a service credential: never a user's token
                        .requestMatchers(HttpMethod.POST, "/internal/credit-usage").hasAuthority("SCOPE_credits:record")
                        .requestMatchers(HttpMethod.POST, "/internal/workspaces")
                                .hasAuthority("SCOPE_workspaces:announce")
                        .requestMatchers("/graphiql", "/graphiql/**", "/webjars/**", "/demo/**", "/error",
                                "/exports/**", // signed links carry their own authorization
                                "/livez", "/readyz", // probes, on the public port too
                                // served on the management port only (management.server.port)
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(BearerTokens.resolver())
                        .authenticationEntryPoint(BearerTokens.entryPoint())
                        .jwt(jwt -> jwt.decoder(new CachingJwtDecoder(jwtDecoder.getObject()))))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(BearerTokens.entryPoint()))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no session, so no request to save for after a login page, and no login to log out of
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    /**
     * Spring Security's strict firewall, with its own rule for header names and values (assigned characters, no
     * control character) checked by {@link HeaderCharacters} rather than by the regular expression it uses by
     * default, which cost more than the whole bearer token check on every request.
     */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderCharacters::assignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    /** No observation per security filter: a dozen of them per request cost more than the request's own SQL. */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
