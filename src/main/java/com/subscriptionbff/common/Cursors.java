package com.subscriptionbff.common;

import org.springframework.stereotype.Component;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Opaque keyset cursors: base64url of "c2|scope|key|key" (URL-encoded keys), a dot, and its HMAC-SHA256 (first 16
 * bytes) under a key of {@link SigningKey}. The scope names the list the cursor belongs to (a workspace's seats, say),
 * so a cursor from another list is refused instead of silently re-positioning; the signature makes a hand-edited
 * cursor a BAD_REQUEST rather than a position of the editor's choosing.
 */
@Component
public class Cursors {

    private static final String VERSION = "c2";
    private static final int SIGNATURE_BYTES = 16;
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final UnaryOperator<byte[]> hmac;

    Cursors(SigningKey signingKey) {
        this.hmac = SigningKey.hmac(signingKey.derive("cursors", "HmacSHA256"));
    }

    public String encode(String scope, String... keys) {
        StringBuilder text = new StringBuilder(VERSION).append('|').append(scope);
        for (String key : keys) {
            text.append('|').append(URLEncoder.encode(key, StandardCharsets.UTF_8));
        }
        byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
        return Base64Url.encode(payload) + "." + Base64Url.encode(signature(payload));
    }

    /** The keys of a cursor issued for this scope; a malformed, edited or foreign cursor is a BAD_REQUEST. */
    public List<String> decode(String cursor, String scope, int keyCount) {
        try {
            int dot = cursor.indexOf('.');
            if (cursor.length() > 4096 || dot < 0) {
                throw new IllegalArgumentException();
            }
            byte[] payload = Base64Url.decode(cursor.substring(0, dot));
            if (!MessageDigest.isEqual(Base64Url.decode(cursor.substring(dot + 1)), signature(payload))) {
                throw new IllegalArgumentException();
            }
            List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split("\\|", -1));
            if (parts.size() != keyCount + 2 || !parts.get(0).equals(VERSION)) {
                throw new IllegalArgumentException();
            }
            if (!parts.get(1).equals(scope)) {
                throw new BadRequestException("cursor does not belong to this list");
            }
            return parts.subList(2, parts.size()).stream()
                    .map(key -> URLDecoder.decode(key, StandardCharsets.UTF_8))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed cursor");
        }
    }

    /** The cursor of a position in a list ordered by an instant then an id. */
    public String encode(String scope, TimePosition position) {
        return encode(scope, position.at().toString(), position.id().toString());
    }

    /** The position of a cursor of this list; null for no cursor; BAD_REQUEST for a malformed or foreign one. */
    public TimePosition after(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        List<String> keys = decode(cursor, scope, 2);
        try {
            return new TimePosition(Inputs.instant(Instant.parse(keys.get(0)), "cursor"), uuid(keys.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new BadRequestException("malformed cursor");
        }
    }

    /** A UUID key in its canonical form only: UUID.fromString accepts truncated groups. */
    public static UUID uuid(String key) {
        if (!CANONICAL_UUID.matcher(key).matches()) {
            throw new BadRequestException("malformed cursor");
        }
        return UUID.fromString(key);
    }

    private byte[] signature(byte[] payload) {
        return Arrays.copyOf(hmac.apply(payload), SIGNATURE_BYTES);
    }
}
