package com.subscriptionbff.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/**
 * The origin a client called (scheme, host and port), in the GraphQL context under {@link #CONTEXT_KEY}, for the
 * links an answer carries. Behind a proxy it is the proxy's: the forwarded headers (X-Forwarded-Proto, -Host, -Port)
 * of a proxy on a private network are honoured (server.forward-headers-strategy=native, Tomcat's RemoteIpValve).
 */
@Configuration(proxyBeanMethods = false)
public class RequestOrigin {

    /** Read with {@code @ContextValue(RequestOrigin.CONTEXT_KEY) String origin}, e.g. "https://api.example.com". */
    public static final String CONTEXT_KEY = "requestOrigin";

    @Bean
    WebGraphQlInterceptor requestOriginInContext() {
        return (request, chain) -> {
            UriComponents uri = request.getUri();
            String origin = UriComponentsBuilder.newInstance()
                    .scheme(uri.getScheme()).host(uri.getHost()).port(uri.getPort())
                    .toUriString();
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(CONTEXT_KEY, origin)).build());
            return chain.next(request);
        };
    }
}
