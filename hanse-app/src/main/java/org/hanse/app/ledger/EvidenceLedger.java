package org.hanse.app.ledger;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hanse.core.ledger.CanonicalJson;
import org.hanse.core.ledger.MerkleHash;
import org.hanse.core.ledger.MerkleTree;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the ledger for the modules that record evidence: {@link #append} in the record's own transaction
 * (nothing recorded without its leaf, no leaf without its record) and {@link #reference} for the record's responses.
 */
@Service
public class EvidenceLedger {

    static final int MAX_KIND = 40;
    static final int MAX_RECORD_ID = 200;

    private final LedgerStore store;
    private final Clock clock;

    EvidenceLedger(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends the record's entry and returns its leaf index. Must run inside the transaction that writes the record;
     * call it after the transaction's other locks, since it holds the ledger's head row until commit. Appending the
     * same record again returns its index when the bytes are unchanged.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(String kind, String recordId, Evidence evidence) {
        if (kind == null || kind.isEmpty() || kind.length() > MAX_KIND || recordId == null || recordId.isEmpty()
                || recordId.length() > MAX_RECORD_ID) {
            throw new IllegalArgumentException("ledger kind 1.." + MAX_KIND + " and record id 1.." + MAX_RECORD_ID + " characters");
        }
        byte[] bytes = entryBytes(kind, recordId, evidence);
        long index = store.lockSize();
        OptionalLong existing = store.indexOf(kind, recordId);
        if (existing.isPresent()) {
            if (!Arrays.equals(store.entry(existing.getAsLong()).orElseThrow().bytes(), bytes)) {
                throw new IllegalStateException("ledger entry " + kind + " " + recordId + " exists with other content");
            }
            return existing.getAsLong();
        }
        byte[] leaf = MerkleHash.leaf(bytes);
        List<String> parties = evidence.parties();
        store.insertEntry(new LedgerStore.Entry(index, kind, recordId, parties.get(0), parties.size() > 1 ? parties.get(1) : null,
                bytes, clock.instant()));
        store.insertHashes(index, leaf, MerkleTree.completedBy(index, leaf, store));
        store.setSize(index + 1);
        return index;
    }

    /** The bytes a leaf commits to: kind, record id, parties and the record, as RFC 8785 canonical JSON. */
    public static byte[] entryBytes(String kind, String recordId, Evidence evidence) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind);
        entry.put("id", recordId);
        entry.put("parties", evidence.parties());
        entry.put("record", evidence.record());
        return CanonicalJson.bytes(entry);
    }

    /** Entries in the tree now (committed appends). */
    public long size() {
        return store.size();
    }

    /** The inclusion proof of a leaf in the tree of {@code size} entries, read from O(log n) stored hashes. */
    public List<byte[]> inclusionProof(long index, long size) {
        return MerkleTree.inclusion(index, size, store);
    }

    public byte[] leafHash(long index) {
        return store.hash(0, index);
    }

    /** The root hash of the first {@code size} entries. */
    public byte[] root(long size) {
        return MerkleTree.root(size, store);
    }

    public OptionalLong indexOf(String kind, String recordId) {
        return store.indexOf(kind, recordId);
    }

    /**
     * {@code {index, proof}} for a record's response: the link proves inclusion in the latest signed checkpoint that
     * holds the entry, or in the current tree until the next checkpoint is signed.
     */
    public Optional<Map<String, Object>> reference(String kind, String recordId) {
        OptionalLong index = store.indexOf(kind, recordId);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        long i = index.getAsLong();
        long size = store.latestCheckpoint().map(LedgerStore.StoredCheckpoint::size).filter(s -> s > i).orElseGet(store::size);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("index", i);
        ref.put("proof", "/api/v1/ledger/proofs/inclusion?index=" + i + "&size=" + size);
        return Optional.of(ref);
    }
}
