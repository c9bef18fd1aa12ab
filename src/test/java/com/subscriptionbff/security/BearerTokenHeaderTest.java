package com.subscriptionbff.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenHeaderTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vLW93bmVyIn0.c2ln-bmF0_dXJl";

    @Test
    void takesTheTokenOfAWellFormedHeader() {
        assertThat(BearerTokenHeader.wellFormedToken("Bearer " + JWT)).isEqualTo(JWT);
        assertThat(BearerTokenHeader.wellFormedToken("bEARER abc+/~==")).isEqualTo("abc+/~==");
    }

    @Test
    void leavesEveryOtherHeaderToSpringSecurity() {
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Bearer  " + JWT, "Basic dXNlcjpwYXNz",
                "Bearer " + JWT + " ", "Bearer =abc", "Bearer a=b", "Bearer a\nb", "Bearer\t" + JWT, "Bearerx abc",
                "Bearer abc$", "Bearer caf\u00e9", "\u0392earer abc"}) {
            assertThat(BearerTokenHeader.wellFormedToken(header)).as(String.valueOf(header)).isNull();
        }
    }

    @Test
    void resolvesAsSpringSecuritysOwnResolverDoes() {
        BearerTokenResolver ours = new BearerTokenHeader();
        BearerTokenResolver standard = new DefaultBearerTokenResolver();
        for (String header : headers()) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
            if (header != null) {
                request.addHeader(HttpHeaders.AUTHORIZATION, header);
            }
            assertThat(outcome(ours, request)).as(String.valueOf(header)).isEqualTo(outcome(standard, request));
        }
    }

    /** The token, or the error's description: a malformed header fails the same way with both. */
    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getDescription();
        }
    }

    private static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "BEARER " + JWT, "Bearer " + JWT + "==",
                "Bearer " + JWT + "=x", "Bearer", "Bearer ", "Basic abc", "bearer  abc", "Bearer a b"));
        headers.add(null);
        String alphabet = "aZ09-._~+/= \t$\u00e9Bb";
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder token = new StringBuilder();
            for (int length = 1 + random.nextInt(8); length > 0; length--) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add((random.nextBoolean() ? "Bearer " : "bearer ") + token);
        }
        return headers;
    }
}
