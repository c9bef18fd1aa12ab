package com.subscriptionbff.exports;

import com.subscriptionbff.common.Base64Url;
import com.subscriptionbff.common.BadRequestException;
import com.subscriptionbff.common.Cursors;
import com.subscriptionbff.common.SigningKey;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived download links that carry their own authorization: a JWT (subject: the user; audience: the link's
 * purpose; `exp`; `wid`: the workspace) sealed with direct AES-256-GCM encryption (JWE "dir"/"A256GCM") under a key
 * derived from {@link SigningKey}. GCM authenticates it as a MAC would, and the encryption keeps the user id out of
 * URLs, logs and browser histories. Every part must be in its one canonical base64url spelling.
 */
@Component
class SignedLinks {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final JWEHeader HEADER = new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM);
    private static final String WORKSPACE_CLAIM = "wid";

    private final SecretKey key;

    SignedLinks(SigningKey signingKey) {
        this.key = signingKey.derive("download-links", "AES");
    }

    record SignedLink(String purpose, UUID workspaceId, String userId, Instant expiresAt) {
    }

    String sign(SignedLink link) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(link.userId())
                .audience(link.purpose())
                .expirationTime(Date.from(link.expiresAt()))
                .claim(WORKSPACE_CLAIM, link.workspaceId().toString())
                .build();
        EncryptedJWT jwt = new EncryptedJWT(HEADER, claims);
        try {
            jwt.encrypt(new DirectEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The link behind a token, if it is ours, for this purpose, and not expired; empty for anything else. */
    Optional<SignedLink> verify(String purpose, String token, Instant now) {
        try {
            if (token.length() > 1024 || !canonical(token)) {
                return Optional.empty();
            }
            EncryptedJWT jwt = EncryptedJWT.parse(token);
            if (!HEADER.getAlgorithm().equals(jwt.getHeader().getAlgorithm())
                    || !HEADER.getEncryptionMethod().equals(jwt.getHeader().getEncryptionMethod())) {
                return Optional.empty();
            }
            jwt.decrypt(new DirectDecrypter(key));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiresAt = claims.getExpirationTime();
            String workspace = claims.getStringClaim(WORKSPACE_CLAIM);
            if (expiresAt == null || !now.isBefore(expiresAt.toInstant()) || claims.getSubject() == null
                    || workspace == null || !claims.getAudience().equals(java.util.List.of(purpose))) {
                return Optional.empty();
            }
            return Optional.of(new SignedLink(purpose, Cursors.uuid(workspace), claims.getSubject(),
                    expiresAt.toInstant()));
        } catch (ParseException | JOSEException | IllegalArgumentException | BadRequestException e) {
            return Optional.empty();
        }
    }

    /** Five parts, each canonical base64url (the second, the encrypted key, is empty with "dir"). */
    private static boolean canonical(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !parts[1].isEmpty()) {
            return false;
        }
        for (String part : parts) {
            Base64Url.decode(part);
        }
        return true;
    }
}
