package org.hanse.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.hanse.core.digest.Sha256;

/**
 * Generates API keys (256 random bits) and hashes them for storage. A SHA-256 digest suffices: the keys
 * are random, not chosen by people, so there is nothing to brute-force that a slow hash would protect.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new key, prefixed with its kind so a leaked key is recognisable ({@code hk_…}). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "hk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        return Sha256.hex(key);
    }

    /** Compares without leaking where the strings differ through timing. */
    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
