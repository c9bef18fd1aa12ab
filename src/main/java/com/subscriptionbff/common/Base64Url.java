package com.subscriptionbff.common;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Unpadded base64url, with one spelling per value: a text that decodes but is not exactly how its bytes encode
 * (padding, non-zero trailing bits, characters outside the alphabet) is refused, so that ids, cursors and signatures
 * cannot be varied to look new while meaning the same.
 */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The bytes of a canonical spelling; IllegalArgumentException for anything else. */
    public static byte[] decode(String text) {
        if (!ALPHABET.matcher(text).matches()) {
            throw new IllegalArgumentException("not unpadded base64url");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not the canonical spelling");
        }
        return bytes;
    }
}
