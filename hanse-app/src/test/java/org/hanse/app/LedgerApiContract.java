package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.ledger.Evidence;
import org.hanse.app.ledger.EvidenceLedger;
import org.hanse.core.ledger.Checkpoint;
import org.hanse.core.ledger.MerkleHash;
import org.hanse.core.ledger.MerkleProofs;
import org.hanse.core.ledger.SignedNote;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * The ledger over real HTTP: entries appended in a transaction, the signed checkpoint verified with the published key,
 * inclusion and consistency proofs checked as a third party would, entry bytes only for the parties and the operator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
abstract class LedgerApiContract extends ApiTestSupport {

    @Autowired
    EvidenceLedger ledger;

    Evidence evidence(String a, String b, int n) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("n", n);
        record.put("amount", "12.50");
        return new Evidence(List.of(a, b), record);
    }

    long append(String kind, String id, Evidence e) {
        return transactions.execute(s -> ledger.append(kind, id, e));
    }

    @Test
    void entryBytesAreTheCanonicalJsonOfKindIdPartiesAndRecord() {
        assertThat(new String(EvidenceLedger.entryBytes("test.entry", "r1", evidence("b", "a", 3)), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"r1\",\"kind\":\"test.entry\",\"parties\":[\"b\",\"a\"],\"record\":{\"amount\":\"12.50\",\"n\":3}}");
    }

    @Test
    void checkpointsAndProofsVerifyWithThePublishedKey() {
        String a = id("la");
        String b = id("lb");
        Map<String, String> keys = Map.of(a, register(a, "order-sync"), b, register(b, "order-sync"));
        append("test.entry", id("first"), evidence(a, b, 0));
        Api.Response keyText = api.get("/.well-known/hanse-ledger-key", null);
        assertThat(keyText.status()).isEqualTo(200);
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(keyText.text());
        assertThat(api.get("/api/v1/ledger/key", null).text()).isEqualTo(keyText.text());
        Checkpoint old = checkpoint(key);

        long[] indexes = new long[3];
        for (int i = 0; i < 3; i++) {
            indexes[i] = append("test.entry", id("e" + i), evidence(a, b, i));
        }
        assertThat(indexes[1]).isEqualTo(indexes[0] + 1);
        assertThat(append("test.entry", id("e1"), evidence(a, b, 1))).as("the same record again keeps its leaf").isEqualTo(indexes[1]);
        Checkpoint now = checkpoint(key);
        assertThat(now.size()).isGreaterThanOrEqualTo(indexes[2] + 1);

        for (int i = 0; i < 3; i++) {
            Api.Response proof = api.get("/api/v1/ledger/proofs/inclusion?index=" + indexes[i] + "&size=" + now.size(), null);
            assertThat(proof.status()).as(proof.text()).isEqualTo(200);
            byte[] leaf = MerkleHash.leaf(EvidenceLedger.entryBytes("test.entry", id("e" + i), evidence(a, b, i)));
            assertThat(MerkleProofs.verifyInclusion(indexes[i], now.size(), leaf, hashes(proof), now.root())).isTrue();
            assertThat(MerkleProofs.verifyInclusion(indexes[i], now.size(), MerkleHash.leaf(new byte[] {1}), hashes(proof), now.root())).isFalse();
        }
        Api.Response consistency = api.get("/api/v1/ledger/proofs/consistency?from=" + old.size() + "&to=" + now.size(), null);
        assertThat(consistency.status()).as(consistency.text()).isEqualTo(200);
        assertThat(MerkleProofs.verifyConsistency(old.size(), now.size(), old.root(), now.root(), hashes(consistency))).isTrue();

        Map<String, Object> ref = ledger.reference("test.entry", id("e2")).orElseThrow();
        assertThat(ref.get("index")).isEqualTo(indexes[2]);
        assertThat(ref.get("proof")).isEqualTo("/api/v1/ledger/proofs/inclusion?index=" + indexes[2] + "&size=" + now.size());
    }

    @Test
    void entriesOnlyForTheirPartiesAndTheOperator() {
        String a = id("pa");
        String b = id("pb");
        String c = id("pc");
        Map<String, String> keys = Map.of(a, register(a, "order-sync"), b, register(b, "order-sync"), c, register(c, "order-sync"));
        long index = append("test.entry", id("private"), evidence(a, b, 7));
        byte[] expected = EvidenceLedger.entryBytes("test.entry", id("private"), evidence(a, b, 7));
        for (String reader : List.of(keys.get(a), keys.get(b), OPERATOR)) {
            Api.Response entry = api.get("/api/v1/ledger/entries/" + index, reader);
            assertThat(entry.status()).as(entry.text()).isEqualTo(200);
            assertThat(Base64.getDecoder().decode(entry.<String>at("entry"))).isEqualTo(expected);
            assertThat(entry.<String>at("recordId")).isEqualTo(id("private"));
        }
        assertThat(api.get("/api/v1/ledger/entries/" + index, keys.get(c)).status()).as("absent to a stranger").isEqualTo(404);
        assertThat(api.get("/api/v1/ledger/entries/" + index, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/ledger/entries/999999999", OPERATOR).status()).isEqualTo(404);
    }

    @Test
    void inputsOutsideTheirLimitsAre400NamingThePath() {
        append("test.entry", id("limits"), evidence(id("x"), id("y"), 1));
        long size = checkpoint(SignedNote.VerifierKey.parse(api.get("/.well-known/hanse-ledger-key", null).text())).size();
        assertThat(api.get("/api/v1/ledger/entries/minus", OPERATOR).errors()).containsExactly("index: not a whole number: minus");
        assertThat(api.get("/api/v1/ledger/entries/-1", OPERATOR).errors()).singleElement().asString().startsWith("index: must be between 0 and");
        assertThat(api.get("/api/v1/ledger/proofs/inclusion?index=0", null).errors()).containsExactly("size: required");
        assertThat(api.get("/api/v1/ledger/proofs/inclusion?index=0&size=" + (size + 1_000_000), null).errors())
                .singleElement().asString().startsWith("size: must be between 1 and");
        assertThat(api.get("/api/v1/ledger/proofs/inclusion?index=" + size + "&size=" + size, null).errors())
                .containsExactly("index: must be between 0 and " + (size - 1));
        assertThat(api.get("/api/v1/ledger/proofs/consistency?from=0&to=1", null).errors()).containsExactly("from: must be between 1 and 1");
        assertThat(api.get("/api/v1/ledger/proofs/consistency?from=2&to=1", null).errors()).containsExactly("from: must be between 1 and 1");
        assertThat(api.get("/api/v1/ledger/proofs/consistency?from=1&to=x", null).errors()).containsExactly("to: not a whole number: x");
        assertThat(api.get("/api/v1/ledger/proofs/consistency?from=1&to=1", null).<List<String>>at("hashes")).isEmpty();
    }

    @Test
    void appendsOnlyInsideTheRecordsTransactionAndRollBackWithIt() {
        assertThatThrownBy(() -> ledger.append("test.entry", id("alone"), evidence("a", "b", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
        long before = size();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            ledger.append("test.entry", id("rolled-back"), evidence("a", "b", 1));
            throw new IllegalStateException("the record's insert failed");
        })).hasMessage("the record's insert failed");
        assertThat(size()).isEqualTo(before);
        assertThat(ledger.indexOf("test.entry", id("rolled-back"))).isEmpty();
        assertThat(append("test.entry", id("after"), evidence("a", "b", 1))).as("no gap").isEqualTo(before);
    }

    long size() {
        return jdbc.sql("SELECT size FROM ledger_head WHERE id = 1").query(Long.class).single();
    }

    Checkpoint checkpoint(SignedNote.VerifierKey key) {
        Api.Response note = api.get("/api/v1/ledger/checkpoint", null);
        assertThat(note.status()).as(note.text()).isEqualTo(200);
        assertThat(note.contentType()).startsWith("text/plain");
        Checkpoint c = Checkpoint.parse(SignedNote.open(note.text(), key));
        assertThat(c.origin()).isEqualTo("hanse.local/ledger");
        return c;
    }

    static List<byte[]> hashes(Api.Response proof) {
        List<String> hashes = proof.at("hashes");
        return hashes.stream().map(h -> Base64.getDecoder().decode(h)).toList();
    }
}
