package org.hanse.core.ledger;

import java.util.ArrayList;
import java.util.List;

/** A whole tree in memory, appended through {@link MerkleTree#completedBy} as the server's store is. */
final class MemoryTree implements SubtreeHashes {

    private final List<List<byte[]>> levels = new ArrayList<>();

    static MemoryTree of(List<byte[]> entries) {
        MemoryTree tree = new MemoryTree();
        entries.forEach(tree::append);
        return tree;
    }

    void append(byte[] entry) {
        byte[] leaf = MerkleHash.leaf(entry);
        long index = size();
        List<MerkleTree.StoredNode> nodes = MerkleTree.completedBy(index, leaf, this);
        put(0, index, leaf);
        nodes.forEach(n -> put(n.level(), n.index(), n.hash()));
    }

    long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    private void put(int level, long index, byte[] hash) {
        while (levels.size() <= level) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> row = levels.get(level);
        if (row.size() != index) {
            throw new IllegalStateException("level " + level + " expected index " + row.size() + ", got " + index);
        }
        row.add(hash);
    }

    @Override
    public byte[] hash(int level, long index) {
        return levels.get(level).get((int) index);
    }

    /** The RFC's recursive definition over the leaves, independent of stored interior nodes. */
    static byte[] referenceRoot(List<byte[]> entries) {
        if (entries.isEmpty()) {
            return MerkleHash.sha256(new byte[0]);
        }
        if (entries.size() == 1) {
            return MerkleHash.leaf(entries.get(0));
        }
        int k = Integer.highestOneBit(entries.size() - 1);
        return MerkleHash.node(referenceRoot(entries.subList(0, k)), referenceRoot(entries.subList(k, entries.size())));
    }
}
