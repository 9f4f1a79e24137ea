package org.hanse.app.ledger;

import java.time.Clock;
import org.hanse.core.ledger.Checkpoint;
import org.hanse.core.ledger.MerkleTree;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs tree heads: on a schedule while entries arrive, and on request when the tree grew since the last one. */
@Component
class Checkpoints {

    private final LedgerStore store;
    private final LedgerKey key;
    private final LedgerProperties properties;
    private final Clock clock;

    Checkpoints(LedgerStore store, LedgerKey key, LedgerProperties properties, Clock clock) {
        this.store = store;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hanse.ledger.checkpoint-every:PT1M}", initialDelayString = "${hanse.ledger.checkpoint-every:PT1M}")
    void tick() {
        latest();
    }

    /** The latest signed checkpoint note, signing the current tree first when it is newer. */
    // No transaction: a lost race on the size's primary key must not abort anything else (PostgreSQL would).
    LedgerStore.StoredCheckpoint latest() {
        // Size first: a committed head implies its leaves and interior hashes are committed (one transaction).
        long size = store.size();
        var last = store.latestCheckpoint();
        if (last.isPresent() && last.get().size() >= size) {
            return last.get();
        }
        String note = key.sign(new Checkpoint(properties.origin(), size, MerkleTree.root(size, store)).body());
        try {
            store.insertCheckpoint(size, note, clock.instant());
        } catch (DuplicateKeyException raced) {
            // A concurrent signer stored this size first; its note is as good as ours.
        }
        return store.latestCheckpoint().orElseThrow();
    }
}
