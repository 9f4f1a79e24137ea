package org.hanse.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hanse.core.ledger.Checkpoint;
import org.hanse.core.ledger.MerkleHash;
import org.hanse.core.ledger.MerkleProofs;
import org.hanse.core.ledger.SignedNote;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hanse ledger verify}: what a third party runs with the server's public key, a checkpoint it stored earlier
 * and the server's URL, without database access. Each failure is a {@link Failure} with a message saying what broke.
 */
final class LedgerVerification {

    /** A verification that did not pass. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** The checkpoint fetched now and the note it came in (to be stored for the next run). */
    record Result(Checkpoint checkpoint, String note, List<Long> entries) {
    }

    private final String url;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    LedgerVerification(String url, String apiKey) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = apiKey;
    }

    Result verify(SignedNote.VerifierKey key, String storedNote, List<Long> entries) throws Failure {
        Checkpoint old = open("the stored checkpoint", storedNote, key);
        String note = get("/api/v1/ledger/checkpoint");
        Checkpoint now = open("the server's checkpoint", note, key);
        if (!now.origin().equals(old.origin())) {
            throw new Failure("the server's checkpoint is for origin '" + now.origin() + "', the stored one for '" + old.origin() + "'");
        }
        if (now.size() < old.size()) {
            throw new Failure("the server's tree has " + now.size() + " entries, fewer than the " + old.size() + " of the stored checkpoint: history was removed");
        }
        if (old.size() > 0) {
            List<byte[]> proof = hashes(getJson("/api/v1/ledger/proofs/consistency?from=" + old.size() + "&to=" + now.size()));
            if (!MerkleProofs.verifyConsistency(old.size(), now.size(), old.root(), now.root(), proof)) {
                throw new Failure("NOT CONSISTENT: the tree of " + now.size() + " entries does not extend the stored checkpoint of "
                        + old.size() + " entries; the log was rewritten");
            }
        }
        for (long index : entries) {
            if (index < 0 || index >= now.size()) {
                throw new Failure("entry " + index + " is not in the server's tree of " + now.size() + " entries");
            }
            Map<String, Object> proof = getJson("/api/v1/ledger/proofs/inclusion?index=" + index + "&size=" + now.size());
            byte[] leaf = apiKey == null ? Base64.getDecoder().decode((String) proof.get("leafHash"))
                    : MerkleHash.leaf(Base64.getDecoder().decode((String) getJson("/api/v1/ledger/entries/" + index).get("entry")));
            if (!MerkleProofs.verifyInclusion(index, now.size(), leaf, hashes(proof), now.root())) {
                throw new Failure("entry " + index + " is NOT included in the signed tree of " + now.size() + " entries");
            }
        }
        return new Result(now, note, entries);
    }

    private static Checkpoint open(String what, String note, SignedNote.VerifierKey key) throws Failure {
        try {
            return Checkpoint.parse(SignedNote.open(note, key));
        } catch (RuntimeException e) {
            throw new Failure(what + " is not validly signed by " + key.name() + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> hashes(Map<String, Object> proof) {
        return ((List<String>) proof.get("hashes")).stream().map(h -> Base64.getDecoder().decode(h)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> getJson(String path) throws Failure {
        return json.readValue(get(path), Map.class);
    }

    private String get(String path) throws Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Failure("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new Failure("GET " + url + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }
}
