package org.hanse.core.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 §2.1.1 hashing: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right). */
public final class MerkleHash {

    /** Bytes of one hash. */
    public static final int SIZE = 32;

    private MerkleHash() {
    }

    public static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest d = digest();
        d.update((byte) 0x00);
        return d.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = digest();
        d.update((byte) 0x01);
        d.update(left);
        return d.digest(right);
    }

    /** The largest power of two strictly below n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
