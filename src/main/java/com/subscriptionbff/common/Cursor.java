package com.subscriptionbff.common;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Opaque keyset cursors: base64url of "c1|scope|key|key" with URL-encoded keys. The scope names the list the cursor belongs to
 * (a workspace's seats, say), so a cursor from another list is refused instead of silently re-positioning.
 */
public final class Cursor {

    private static final String VERSION = "c1";
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Cursor() {
    }

    public static String encode(String scope, String... keys) {
        StringBuilder text = new StringBuilder(VERSION).append('|').append(scope);
        for (String key : keys) {
            text.append('|').append(URLEncoder.encode(key, StandardCharsets.UTF_8));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A UUID key in its canonical form only: UUID.fromString accepts truncated groups. */
    public static UUID uuid(String key) {
        if (!CANONICAL_UUID.matcher(key).matches()) {
            throw new BadRequestException("malformed cursor");
        }
        return UUID.fromString(key);
    }

    /** The keys of a cursor issued for this scope; a malformed or foreign cursor is a BAD_REQUEST. */
    public static List<String> decode(String cursor, String scope, int keyCount) {
        try {
            if (cursor.length() > 4096) {
                throw new IllegalArgumentException();
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split("\\|", -1));
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
}
