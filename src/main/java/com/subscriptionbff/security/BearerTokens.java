package com.subscriptionbff.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Spring Security's bearer token resolution and 401 answers, with two additions: a token longer than 8 KB is refused
 * as invalid (Tomcat accepts headers up to 64 KB, server.max-http-request-header-size, so that such a token gets this
 * JSON 401 rather than Tomcat's HTML 400), and every 401 carries a JSON body besides RFC 6750's WWW-Authenticate.
 */
final class BearerTokens {

    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private BearerTokens() {
    }

    static BearerTokenResolver resolver() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            String header = request.getHeader("Authorization");
            if (header != null && header.length() > MAX_TOKEN_LENGTH) {
                throw new InvalidBearerTokenException("the bearer token is longer than " + MAX_TOKEN_LENGTH + " bytes");
            }
            return standard.resolve(request);
        };
    }

    static AuthenticationEntryPoint entryPoint() {
        BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            standard.commence(request, response, e);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            String message = e.getMessage() == null ? "a valid bearer token is required" : e.getMessage();
            writeJson(response, message);
        };
    }

    private static void writeJson(HttpServletResponse response, String message) throws IOException {
        response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
