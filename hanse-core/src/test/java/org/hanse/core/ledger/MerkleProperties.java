package org.hanse.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every proof over random trees of up to 2,000 leaves verifies; any flipped byte of proof, leaf or root fails it. */
class MerkleProperties {

    @Property(tries = 200)
    void storedRootEqualsTheRecursiveDefinition(@ForAll @IntRange(min = 1, max = 2000) int size,
                                                @ForAll @IntRange(min = 1, max = 2000) int prefix) {
        List<byte[]> entries = entries(size);
        MemoryTree tree = MemoryTree.of(entries);
        int m = Math.min(prefix, size);
        assertThat(MerkleTree.root(m, tree)).isEqualTo(MemoryTree.referenceRoot(entries.subList(0, m)));
    }

    @Property(tries = 300)
    void inclusionProofsVerifyAndEveryFlippedByteFails(@ForAll @IntRange(min = 1, max = 2000) int size,
                                                      @ForAll @IntRange(min = 0, max = 1999) int rawIndex,
                                                      @ForAll @IntRange(min = 0, max = 1999) int rawSize) {
        MemoryTree tree = MemoryTree.of(entries(size));
        long n = 1 + rawSize % size;
        long index = rawIndex % n;
        byte[] leaf = tree.hash(0, index);
        byte[] root = MerkleTree.root(n, tree);
        List<byte[]> proof = MerkleTree.inclusion(index, n, tree);
        assertThat(MerkleProofs.verifyInclusion(index, n, leaf, proof, root)).isTrue();
        for (List<byte[]> flipped : flips(proof)) {
            assertThat(MerkleProofs.verifyInclusion(index, n, leaf, flipped, root)).isFalse();
        }
        for (int b = 0; b < MerkleHash.SIZE; b++) {
            assertThat(MerkleProofs.verifyInclusion(index, n, flip(leaf, b), proof, root)).isFalse();
            assertThat(MerkleProofs.verifyInclusion(index, n, leaf, proof, flip(root, b))).isFalse();
        }
        if (n > 1) {
            assertThat(MerkleProofs.verifyInclusion((index + 1) % n, n, leaf, proof, root)).isFalse();
        }
    }

    @Property(tries = 300)
    void consistencyProofsVerifyAndEveryFlippedByteFails(@ForAll @IntRange(min = 1, max = 2000) int size,
                                                        @ForAll @IntRange(min = 0, max = 1999) int rawFrom) {
        MemoryTree tree = MemoryTree.of(entries(size));
        long to = size;
        long from = 1 + rawFrom % to;
        byte[] oldRoot = MerkleTree.root(from, tree);
        byte[] newRoot = MerkleTree.root(to, tree);
        List<byte[]> proof = MerkleTree.consistency(from, to, tree);
        assertThat(MerkleProofs.verifyConsistency(from, to, oldRoot, newRoot, proof)).isTrue();
        for (List<byte[]> flipped : flips(proof)) {
            assertThat(MerkleProofs.verifyConsistency(from, to, oldRoot, newRoot, flipped)).isFalse();
        }
        for (int b = 0; b < MerkleHash.SIZE; b++) {
            assertThat(MerkleProofs.verifyConsistency(from, to, flip(oldRoot, b), newRoot, proof)).isFalse();
            assertThat(MerkleProofs.verifyConsistency(from, to, oldRoot, flip(newRoot, b), proof)).isFalse();
        }
    }

    @Property(tries = 100)
    void aRewrittenHistoryIsInconsistentWithTheOldHead(@ForAll @IntRange(min = 2, max = 2000) int size,
                                                       @ForAll @IntRange(min = 0, max = 1999) int rawChanged) {
        List<byte[]> entries = entries(size);
        long from = Math.max(1, size / 2);
        byte[] oldRoot = MerkleTree.root(from, MemoryTree.of(entries));
        List<byte[]> rewritten = new ArrayList<>(entries);
        int changed = (int) (rawChanged % from);
        rewritten.set(changed, "edited".getBytes());
        MemoryTree forged = MemoryTree.of(rewritten);
        assertThat(MerkleProofs.verifyConsistency(from, size, oldRoot, MerkleTree.root(size, forged),
                MerkleTree.consistency(from, size, forged))).isFalse();
    }

    private static List<byte[]> entries(int size) {
        List<byte[]> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
        }
        return entries;
    }

    private static List<List<byte[]>> flips(List<byte[]> proof) {
        List<List<byte[]>> all = new ArrayList<>();
        for (int h = 0; h < proof.size(); h++) {
            for (int b = 0; b < MerkleHash.SIZE; b++) {
                List<byte[]> copy = new ArrayList<>(proof);
                copy.set(h, flip(proof.get(h), b));
                all.add(copy);
            }
        }
        return all;
    }

    private static byte[] flip(byte[] hash, int at) {
        byte[] copy = hash.clone();
        copy[at] ^= 0x01;
        return copy;
    }
}
