package org.hanse.app.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.core.ledger.Checkpoint;
import org.hanse.core.ledger.MerkleHash;
import org.hanse.core.ledger.MerkleTree;
import org.hanse.core.ledger.SignedNote;
import org.springframework.stereotype.Service;

/**
 * The operator's audit (needs the database): every entry's bytes against its leaf hash, every record recomputed by its
 * module ({@link LedgerRecords}) against its entry, and the tree rebuilt from the leaves against the signed checkpoint.
 */
@Service
public class LedgerAudit {

    private static final int PAGE = 1000;

    private final LedgerStore store;
    private final LedgerKey key;
    private final Map<String, LedgerRecords> byKind = new HashMap<>();

    LedgerAudit(LedgerStore store, LedgerKey key, List<LedgerRecords> modules) {
        this.store = store;
        this.key = key;
        modules.forEach(m -> m.kinds().forEach(k -> byKind.put(k, m)));
    }

    /** What the audit found: entries checked and one line per mismatch, naming the record. */
    public record Report(long entries, List<String> findings) {

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    public Report run() {
        List<String> findings = new ArrayList<>();
        List<byte[]> frontier = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        long size = store.size();
        long checked = 0;
        for (long from = 0; from < size; from += PAGE) {
            for (LedgerStore.Entry e : store.entries(from, PAGE)) {
                if (e.index() != checked) {
                    findings.add("entry " + checked + " is missing from the ledger table");
                    checked = e.index();
                }
                byte[] leaf = store.hash(0, e.index());
                check(e, leaf, findings);
                push(frontier, levels, leaf);
                checked++;
            }
        }
        if (checked != size) {
            findings.add("the head says " + size + " entries, the table holds " + checked);
        }
        checkRoot(size, fold(frontier), findings);
        return new Report(checked, findings);
    }

    private void check(LedgerStore.Entry e, byte[] leaf, List<String> findings) {
        String name = e.kind() + " " + e.recordId() + " (entry " + e.index() + ")";
        if (!MessageDigest.isEqual(MerkleHash.leaf(e.bytes()), leaf)) {
            findings.add(name + ": stored entry bytes no longer match the leaf hash");
        }
        LedgerRecords module = byKind.get(e.kind());
        if (module == null) {
            findings.add(name + ": no module recomputes this kind");
            return;
        }
        Optional<Evidence> now = module.evidence(e.kind(), e.recordId());
        if (now.isEmpty()) {
            if (!module.retired(e.kind(), e.recordId())) {
                findings.add(name + ": the record is gone");
            }
        } else if (!MessageDigest.isEqual(MerkleHash.leaf(EvidenceLedger.entryBytes(e.kind(), e.recordId(), now.get())), leaf)) {
            findings.add(name + ": the record was changed after it was recorded");
        }
    }

    /** Compares the tree rebuilt from the leaves, and the stored interior hashes, with the latest signed checkpoint. */
    private void checkRoot(long size, byte[] rebuilt, List<String> findings) {
        if (!MessageDigest.isEqual(rebuilt, MerkleTree.root(size, store))) {
            findings.add("stored interior hashes do not match the leaves (tree of " + size + ")");
        }
        Optional<LedgerStore.StoredCheckpoint> last = store.latestCheckpoint();
        if (last.isEmpty()) {
            return;
        }
        Checkpoint signed;
        try {
            signed = Checkpoint.parse(SignedNote.open(last.get().note(), key.verifier()));
        } catch (RuntimeException e) {
            findings.add("latest checkpoint (size " + last.get().size() + "): " + e.getMessage());
            return;
        }
        if (signed.size() > size) {
            findings.add("the signed checkpoint has " + signed.size() + " entries, the ledger only " + size);
        } else if (!MessageDigest.isEqual(signed.root(), MerkleTree.root(signed.size(), store))) {
            findings.add("the tree of " + signed.size() + " entries no longer has the signed root: history was rewritten");
        }
    }

    /** Compact range: complete subtrees on a stack, merged as soon as two of the same height meet. */
    private static void push(List<byte[]> frontier, List<Integer> levels, byte[] leaf) {
        frontier.add(leaf);
        levels.add(0);
        int n = frontier.size();
        while (n >= 2 && levels.get(n - 1).equals(levels.get(n - 2))) {
            byte[] merged = MerkleHash.node(frontier.get(n - 2), frontier.get(n - 1));
            int level = levels.get(n - 1) + 1;
            frontier.remove(n - 1);
            levels.remove(n - 1);
            frontier.set(n - 2, merged);
            levels.set(n - 2, level);
            n--;
        }
    }

    private static byte[] fold(List<byte[]> frontier) {
        if (frontier.isEmpty()) {
            return MerkleHash.sha256(new byte[0]);
        }
        byte[] root = frontier.get(frontier.size() - 1);
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(frontier.get(i), root);
        }
        return root;
    }
}
