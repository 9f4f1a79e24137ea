package org.hanse.core.ledger;

import java.util.ArrayList;
import java.util.List;

/** RFC 9162 tree heads and proofs (§2.1.3.1, §2.1.4.1) computed from stored complete-subtree hashes. */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** One interior hash to store when a leaf is appended. */
    public record StoredNode(int level, long index, byte[] hash) {
    }

    /**
     * The interior nodes completed by appending the leaf at {@code index}: one per trailing one-bit of the index,
     * each from the stored left sibling and the node just completed beside it.
     */
    public static List<StoredNode> completedBy(long index, byte[] leafHash, SubtreeHashes stored) {
        List<StoredNode> nodes = new ArrayList<>();
        byte[] right = leafHash;
        long i = index;
        int level = 0;
        while ((i & 1) == 1) {
            right = MerkleHash.node(stored.hash(level, i - 1), right);
            level++;
            i >>= 1;
            nodes.add(new StoredNode(level, i, right));
        }
        return nodes;
    }

    /** MTH of the first {@code size} leaves; SHA-256 of nothing for the empty tree. */
    public static byte[] root(long size, SubtreeHashes stored) {
        return size == 0 ? MerkleHash.sha256(new byte[0]) : range(0, size, stored);
    }

    /**
     * MTH(D[start:end]) for a range starting at a multiple of the largest power of two not above its length (every
     * range the proofs ask for): its complete subtrees from left to right, folded from the right.
     */
    static byte[] range(long start, long end, SubtreeHashes stored) {
        List<byte[]> parts = new ArrayList<>();
        long at = start;
        while (at < end) {
            long size = Long.highestOneBit(end - at);
            int level = Long.numberOfTrailingZeros(size);
            parts.add(stored.hash(level, at >> level));
            at += size;
        }
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(parts.get(i), hash);
        }
        return hash;
    }

    /** PATH(index, D[size]): the audit path of a leaf, leaf side first. */
    public static List<byte[]> inclusion(long index, long size, SubtreeHashes stored) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " outside a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, stored, proof);
        return proof;
    }

    private static void path(long m, long start, long n, SubtreeHashes stored, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = MerkleHash.split(n);
        if (m < k) {
            path(m, start, k, stored, proof);
            proof.add(range(start + k, start + n, stored));
        } else {
            path(m - k, start + k, n - k, stored, proof);
            proof.add(range(start, start + k, stored));
        }
    }

    /** PROOF(from, D[to]) for 0 < from ≤ to; empty when the sizes are equal. */
    public static List<byte[]> consistency(long from, long to, SubtreeHashes stored) {
        if (from <= 0 || from > to) {
            throw new IllegalArgumentException("consistency needs 0 < from <= to, got " + from + ", " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, stored, proof);
        }
        return proof;
    }

    private static void subproof(long m, long start, long n, boolean whole, SubtreeHashes stored, List<byte[]> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(range(start, start + n, stored));
            }
            return;
        }
        long k = MerkleHash.split(n);
        if (m <= k) {
            subproof(m, start, k, whole, stored, proof);
            proof.add(range(start + k, start + n, stored));
        } else {
            subproof(m - k, start + k, n - k, false, stored, proof);
            proof.add(range(start, start + k, stored));
        }
    }
}
