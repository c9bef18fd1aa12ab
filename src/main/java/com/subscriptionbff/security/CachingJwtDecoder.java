package com.subscriptionbff.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;

/**
 * A front end sends the same token with every request until it expires: verify its signature and claims once, then
 * reuse the result until it expires (checked on every hit). Only tokens that passed validation are kept.
 */
final class CachingJwtDecoder implements JwtDecoder {

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
        if (cached != null && cached.getExpiresAt() != null && Instant.now().isBefore(cached.getExpiresAt())) {
            return cached;
        }
        Jwt jwt = delegate.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
