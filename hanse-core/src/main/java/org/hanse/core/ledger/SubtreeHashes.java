package org.hanse.core.ledger;

/**
 * Reads stored hashes of complete subtrees: level 0 are the leaf hashes, level h index k covers the leaves
 * [k·2^h, (k+1)·2^h). Proofs only ever need such aligned subtrees, so a proof costs O(log n) reads.
 */
@FunctionalInterface
public interface SubtreeHashes {

    byte[] hash(int level, long index);
}
