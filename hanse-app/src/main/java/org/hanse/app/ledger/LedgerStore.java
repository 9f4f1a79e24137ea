package org.hanse.app.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hanse.core.ledger.MerkleTree;
import org.hanse.core.ledger.SubtreeHashes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's tables: head (locked by appends), entries, complete-subtree hashes and signed checkpoints. */
@Repository
class LedgerStore implements SubtreeHashes {

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored entry. */
    record Entry(long index, String kind, String recordId, String partyA, String partyB, byte[] bytes, Instant recordedAt) {

        boolean concerns(String node) {
            return node != null && (node.equals(partyA) || node.equals(partyB));
        }
    }

    /** The tree size, locking the head row until the transaction ends (appends are serialised). */
    long lockSize() {
        return jdbc.sql("SELECT size FROM ledger_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
    }

    long size() {
        return jdbc.sql("SELECT size FROM ledger_head WHERE id = 1").query(Long.class).single();
    }

    void setSize(long size) {
        jdbc.sql("UPDATE ledger_head SET size = ? WHERE id = 1").param(size).update();
    }

    void insertEntry(Entry e) {
        jdbc.sql("INSERT INTO ledger_entry (idx, kind, record_id, party_a, party_b, entry, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(e.index(), e.kind(), e.recordId(), e.partyA(), e.partyB(), e.bytes(), Timestamp.from(e.recordedAt())).update();
    }

    void insertHashes(long leafIndex, byte[] leafHash, List<MerkleTree.StoredNode> nodes) {
        insertHash(0, leafIndex, leafHash);
        for (MerkleTree.StoredNode n : nodes) {
            insertHash(n.level(), n.index(), n.hash());
        }
    }

    void insertHash(int level, long index, byte[] hash) {
        jdbc.sql("INSERT INTO ledger_hash (node, hash) VALUES (?, ?)").params(key(level, index), hash).update();
    }

    /** The row key of a subtree hash: level · 2^56 + index (indexes stay far below 2^56). */
    static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    @Override
    public byte[] hash(int level, long index) {
        return jdbc.sql("SELECT hash FROM ledger_hash WHERE node = ?").param(key(level, index))
                .query(byte[].class).optional()
                .orElseThrow(() -> new IllegalStateException("ledger hash missing at level " + level + " index " + index));
    }

    Optional<Entry> entry(long index) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE idx = ?").param(index).query((rs, n) -> new Entry(rs.getLong("idx"),
                rs.getString("kind"), rs.getString("record_id"), rs.getString("party_a"), rs.getString("party_b"),
                rs.getBytes("entry"), rs.getTimestamp("recorded_at").toInstant())).optional();
    }

    /** Entries in index order from {@code from}, at most {@code limit}: the audit pages through them. */
    List<Entry> entries(long from, int limit) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE idx >= ? ORDER BY idx LIMIT ?").params(from, limit)
                .query((rs, n) -> new Entry(rs.getLong("idx"), rs.getString("kind"), rs.getString("record_id"),
                        rs.getString("party_a"), rs.getString("party_b"), rs.getBytes("entry"),
                        rs.getTimestamp("recorded_at").toInstant())).list();
    }

    OptionalLong indexOf(String kind, String recordId) {
        return jdbc.sql("SELECT idx FROM ledger_entry WHERE kind = ? AND record_id = ?").params(kind, recordId)
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** A signed checkpoint note and its size. */
    record StoredCheckpoint(long size, String note, Instant signedAt) {
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.sql("SELECT size, note, signed_at FROM ledger_checkpoint ORDER BY size DESC LIMIT 1")
                .query((rs, n) -> new StoredCheckpoint(rs.getLong("size"), rs.getString("note"), rs.getTimestamp("signed_at").toInstant()))
                .optional();
    }

    /** Stores a checkpoint once per size; a concurrent signer of the same size loses quietly. */
    void insertCheckpoint(long size, String note, Instant at) {
        jdbc.sql("INSERT INTO ledger_checkpoint (size, note, signed_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM ledger_checkpoint WHERE size = ?)").params(size, note, Timestamp.from(at), size).update();
    }
}
