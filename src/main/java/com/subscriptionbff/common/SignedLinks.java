package com.subscriptionbff.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived download links that carry their own authorization: purpose, workspace, user and expiry, signed with
 * HMAC-SHA256. Set `bff.links.signing-secret` when more than one instance serves downloads.
 */
@Component
public class SignedLinks {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    SignedLinks(@Value("${bff.links.signing-secret:}") String secret) {
        byte[] bytes;
        if (secret.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.info("bff.links.signing-secret is not set: download links are signed with a key of this instance only");
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("bff.links.signing-secret must be at least 32 bytes");
            }
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public record SignedLink(String purpose, UUID workspaceId, String userId, Instant expiresAt) {
    }

    public String sign(SignedLink link) {
        // the user id is encoded: identity providers put separators in subjects ("auth0|5f7c…")
        String payload = String.join("|", "l1", link.purpose(), link.workspaceId().toString(),
                ENCODER.encodeToString(link.userId().getBytes(StandardCharsets.UTF_8)),
                Long.toString(link.expiresAt().getEpochSecond()));
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(mac(encoded));
    }

    /** The link behind a token, if it is ours, for this purpose, and not expired; empty for anything else. */
    public Optional<SignedLink> verify(String purpose, String token, Instant now) {
        try {
            int dot = token.indexOf('.');
            if (dot < 0 || token.length() > 1024) {
                return Optional.empty();
            }
            String encoded = token.substring(0, dot);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(encoded))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !parts[0].equals("l1") || !parts[1].equals(purpose)) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[4]));
            if (!now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            String userId = new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8);
            return Optional.of(new SignedLink(purpose, UUID.fromString(parts[2]), userId, expiresAt));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
