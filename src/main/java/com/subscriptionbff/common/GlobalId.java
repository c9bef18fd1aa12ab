package com.subscriptionbff.common;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Opaque global ids of the Node interface: unpadded base64url of "Type:uuid", in that one spelling only. */
public final class GlobalId {

    private GlobalId() {
    }

    public static String of(String type, UUID id) {
        return Base64Url.encode((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static String of(String type, String id) {
        return Base64Url.encode((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The type named in a global id; a malformed id is a BAD_REQUEST. */
    public static String typeOf(String globalId) {
        return split(globalId)[0];
    }

    /** The UUID inside a global id of the expected type; anything else is a BAD_REQUEST. */
    public static UUID uuid(String expectedType, String globalId) {
        String[] parts = split(globalId);
        if (!parts[0].equals(expectedType)) {
            throw new BadRequestException("id is not a " + expectedType + " id");
        }
        try {
            return Cursors.uuid(parts[1]);
        } catch (BadRequestException e) {
            throw new BadRequestException("malformed id");
        }
    }

    private static String[] split(String globalId) {
        try {
            if (globalId == null || globalId.length() > 200) {
                throw new IllegalArgumentException();
            }
            String decoded = new String(Base64Url.decode(globalId), StandardCharsets.UTF_8);
            String[] parts = decoded.split(":", 2);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed id");
        }
    }
}
