package com.subscriptionbff.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The service's secret for what it signs or seals for itself (download links, list cursors): `bff.signing-secret`,
 * 32 bytes or more, the same on every instance; unset, a random key of this instance (links and cursors then stop
 * working across instances and restarts). Each use gets a key of its own derived from it (HMAC-SHA256 of the use's
 * name), so that a value made for one use is never valid for another.
 */
@Component
public class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final SecretKey master;

    SigningKey(@Value("${bff.signing-secret:}") String secret) {
        byte[] bytes;
        if (secret.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.info("bff.signing-secret is not set: links and cursors are signed with a key of this instance only");
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("bff.signing-secret must be at least 32 bytes");
            }
        }
        this.master = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A 256-bit key for one use, named by `use`, for the given JCA algorithm ("HmacSHA256", "AES"). */
    public SecretKey derive(String use, String algorithm) {
        return new SecretKeySpec(hmac(master, use.getBytes(StandardCharsets.UTF_8)), algorithm);
    }

    /** HMAC-SHA256 of the bytes under the key. */
    public static byte[] hmac(SecretKey key, byte[] bytes) {
        return hmac(key).apply(bytes);
    }

    /**
     * HMAC-SHA256 under the key, for a key that signs often (a page of cursors): the JCA lookup and the key schedule
     * are done once, and each signature works on a copy of the initialised MAC.
     */
    public static UnaryOperator<byte[]> hmac(SecretKey key) {
        Mac prototype;
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return bytes -> {
            try {
                return ((Mac) prototype.clone()).doFinal(bytes);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's HmacSHA256 can be copied", e);
            }
        };
    }
}
