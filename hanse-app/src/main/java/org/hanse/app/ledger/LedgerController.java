package org.hanse.app.ledger;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.ledger.MerkleHash;
import org.hanse.core.ledger.MerkleTree;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger over HTTP. Public (no key, for third-party verifiers): the verifier key at
 * {@code /.well-known/hanse-ledger-key}, the signed checkpoint and proofs, which reveal hashes only. An entry's bytes
 * only to the nodes it names and the operator.
 */
@RestController
class LedgerController {

    static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final LedgerStore store;
    private final Checkpoints checkpoints;
    private final LedgerKey key;

    LedgerController(LedgerStore store, Checkpoints checkpoints, LedgerKey key) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    @GetMapping("/.well-known/hanse-ledger-key")
    ResponseEntity<String> wellKnownKey() {
        return ResponseEntity.ok().contentType(TEXT).body(key.verifierKey() + "\n");
    }

    @GetMapping("/api/v1/ledger/key")
    ResponseEntity<String> apiKey() {
        return wellKnownKey();
    }

    @GetMapping("/api/v1/ledger/checkpoint")
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().contentType(TEXT).body(checkpoints.latest().note());
    }

    @GetMapping("/api/v1/ledger/entries/{index}")
    Map<String, Object> entry(@PathVariable String index, Principal principal) {
        long i = number("index", index, 0, Long.MAX_VALUE);
        LedgerStore.Entry e = store.entry(i).orElseThrow(() -> new NotFoundException("no ledger entry " + i));
        // To a node it does not name, an entry is as absent as one never made (like every record it takes no part in).
        if (!principal.isOperator() && !(principal.kind() == Principal.Kind.NODE && e.concerns(principal.nodeId()))) {
            throw new NotFoundException("no ledger entry " + i);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", e.index());
        m.put("kind", e.kind());
        m.put("recordId", e.recordId());
        m.put("recordedAt", e.recordedAt().toString());
        m.put("entry", Base64.getEncoder().encodeToString(e.bytes()));
        m.put("leafHash", base64(MerkleHash.leaf(e.bytes())));
        return m;
    }

    @GetMapping("/api/v1/ledger/proofs/inclusion")
    Map<String, Object> inclusion(@RequestParam(required = false) String index, @RequestParam(required = false) String size) {
        long current = store.size();
        long n = number("size", size, 1, current);
        long i = number("index", index, 0, n - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", i);
        m.put("size", n);
        m.put("leafHash", base64(store.hash(0, i)));
        m.put("hashes", hashes(MerkleTree.inclusion(i, n, store)));
        return m;
    }

    @GetMapping("/api/v1/ledger/proofs/consistency")
    Map<String, Object> consistency(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        long current = store.size();
        long t = number("to", to, 1, current);
        long f = number("from", from, 1, t);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", f);
        m.put("to", t);
        m.put("hashes", hashes(MerkleTree.consistency(f, t, store)));
        return m;
    }

    /** A required decimal parameter within [min, max]; anything else is a 400 naming it. */
    static long number(String path, String text, long min, long max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(path, "required");
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(path, "not a whole number: " + (text.length() > 30 ? text.substring(0, 30) + "…" : text));
        }
        if (max < min) {
            throw new InvalidInputException(path, "the ledger holds no entries yet");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(path, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static List<String> hashes(List<byte[]> proof) {
        return proof.stream().map(LedgerController::base64).toList();
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
