package com.subscriptionbff.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.time.Instant;

/**
 * A front end sends the same token with every request until it expires: verify its signature and claims once, then
 * reuse the result until it expires (checked on every hit). Only tokens that passed validation are kept.
 * <p>
 * Whatever decoder it wraps (the identity provider's, or demo mode's), a token must also carry an expiry and a
 * non-blank subject: a token that never expires cannot be revoked by time, and one without a subject names no user.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final OAuth2TokenValidator<Jwt> REQUIRED_CLAIMS = jwt -> {
        if (jwt.getExpiresAt() == null) {
            return invalid("the token has no expiry (exp)");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return invalid("the token has no subject (sub)");
        }
        return OAuth2TokenValidatorResult.success();
    };

    private final JwtDecoder delegate;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(2_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    CachingJwtDecoder(JwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Jwt decode(String token) {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && Instant.now().isBefore(cached.getExpiresAt())) {
            return cached;
        }
        Jwt jwt = delegate.decode(token);
        OAuth2TokenValidatorResult required = REQUIRED_CLAIMS.validate(jwt);
        if (required.hasErrors()) {
            throw new JwtValidationException(required.getErrors().iterator().next().getDescription(),
                    required.getErrors());
        }
        verified.put(token, jwt);
        return jwt;
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
