package com.subscriptionbff.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's bearer token resolution with a fast path: a well-formed {@code Authorization: Bearer <token68>}
 * header is checked character by character, where {@link DefaultBearerTokenResolver} runs a case-insensitive regular
 * expression over the whole token (3.5 % of the Overview's CPU samples). Anything else (no header, a malformed one)
 * goes to the default resolver, so errors stay its own.
 */
final class BearerTokenHeader implements BearerTokenResolver {

    private static final String SCHEME = "bearer ";

    private final BearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = wellFormedToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        return token != null ? token : standard.resolve(request);
    }

    /** The token of "Bearer" (any ASCII case), one space, token68 (RFC 6750 2.1); null when the header is not that. */
    static String wellFormedToken(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()) {
            return null;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = authorization.charAt(i);
            if (c != SCHEME.charAt(i) && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == SCHEME.charAt(i))) {
                return null;
            }
        }
        int end = SCHEME.length();
        while (end < authorization.length() && isTokenCharacter(authorization.charAt(end))) {
            end++;
        }
        if (end == SCHEME.length()) {
            return null;
        }
        while (end < authorization.length() && authorization.charAt(end) == '=') {
            end++;
        }
        return end == authorization.length() ? authorization.substring(SCHEME.length()) : null;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
