package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hanse.core.ledger.MerkleHash;
import org.hanse.core.ledger.MerkleTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

/**
 * End to end, as an operator and a third party would: orders recorded in the ledger, {@code hanse ledger verify}
 * against a stored checkpoint, {@code hanse ledger audit} naming an order row edited in the database, and a
 * rewritten (re-signed) history caught by verify's consistency check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
@TestPropertySource(properties = "spring.datasource.url=" + LedgerCliTest.DB)
class LedgerCliTest extends ApiTestSupport {

    static final String DB = "jdbc:h2:mem:hanse-ledger-cli;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final String BOARD = GTIN_BOARD;

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    int cli(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new HanseCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void verifyAndAuditCatchEditedRecordsAndRewrittenHistory() throws Exception {
        String buyer = id("cb");
        String supplier = id("cs");
        Map<String, String> keys = Map.of(buyer, register(buyer, "order-sync"), supplier, register(supplier, "order-sync"));
        assertThat(api.put("/api/v1/nodes/" + supplier + "/capacity", keys.get(supplier), "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD)).status()).isEqualTo(200);
        Api.Response link = api.postJson("/api/v1/links", keys.get(buyer), Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(BOARD)));
        assertThat(api.post("/api/v1/links/" + link.at("id") + "/accept", keys.get(supplier), "application/json", "").status()).isEqualTo(200);

        long first = place(buyer, keys.get(buyer), supplier, "first");
        Path stored = dir.resolve("checkpoint.txt");
        Files.writeString(stored, api.get("/api/v1/ledger/checkpoint", null).text());
        long second = place(buyer, keys.get(buyer), supplier, "second");
        assertThat(second).isEqualTo(first + 1);

        Path key = dir.resolve("key.txt");
        assertThat(cli("ledger", "key", "--url", api.uri("").toString())).isZero();
        Files.writeString(key, out.toString());
        assertThat(cli("ledger", "key", "--data-dir", "target/test-data")).isZero();
        assertThat(out.toString()).isEqualTo(Files.readString(key));

        String url = api.uri("").toString();
        assertThat(cli("ledger", "verify", "--key", key.toString(), "--checkpoint", stored.toString(), "--url", url,
                "--entry", String.valueOf(first), "--entry", String.valueOf(second))).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("OK: checkpoint of 2 entries signed by hanse.local/ledger, consistent with the stored checkpoint");
        assertThat(cli("ledger", "verify", "--key", key.toString(), "--checkpoint", stored.toString(), "--url", url,
                "--entry", String.valueOf(first), "--api-key", keys.get(buyer))).as(err.toString()).isZero();

        assertThat(cli("ledger", "audit", "--db-url", DB, "--data-dir", "target/test-data")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 entries audited, 0 mismatches");

        // The operator moves the first order's due date in the database: the audit names it.
        jdbc.sql("UPDATE purchase_order SET due = due + INTERVAL '1' DAY WHERE id = ?").param(id("first")).update();
        assertThat(cli("ledger", "audit", "--db-url", DB, "--data-dir", "target/test-data")).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("MISMATCH order.placed " + id("first") + "#r1 (entry 0): the record was changed after it was recorded");
        assertThat(out.toString()).contains("2 entries audited, 1 mismatches");

        // Covering the edit up: entry bytes, every hash and a freshly signed checkpoint. Only the stored checkpoint tells.
        rewriteHistory(first);
        assertThat(cli("ledger", "verify", "--key", key.toString(), "--checkpoint", stored.toString(), "--url", url)).isEqualTo(1);
        assertThat(err.toString()).startsWith("FAILED: NOT CONSISTENT: the tree of 2 entries does not extend the stored checkpoint of 1 entries");

        Files.writeString(stored, Files.readString(stored).replaceFirst("\n1\n", "\n2\n"));
        assertThat(cli("ledger", "verify", "--key", key.toString(), "--checkpoint", stored.toString(), "--url", url)).isEqualTo(1);
        assertThat(err.toString()).startsWith("FAILED: the stored checkpoint is not validly signed by hanse.local/ledger");
    }

    long place(String buyer, String key, String supplier, String name) {
        Instant now = Instant.now();
        Api.Response placed = api.postJson("/api/v1/orders", key, Map.of("id", id(name), "supplier", supplier,
                "lines", List.of(Map.of("material", BOARD, "quantity", "40", "unit", "C62")),
                "earliest", now.plus(Duration.ofDays(2)).toString(), "due", now.plus(Duration.ofDays(6)).toString()));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        Number index = placed.at("ledger.index");
        assertThat(placed.<String>at("ledger.proof")).startsWith("/api/v1/ledger/proofs/inclusion?index=" + index + "&size=");
        Api.Response read = api.get("/api/v1/orders/" + id(name), key);
        assertThat(read.<Number>at("ledger.index")).isEqualTo(index);
        assertThat(api.get(read.at("ledger.proof"), null).status()).isEqualTo(200);
        return index.longValue();
    }

    /** What an operator with the database and the signing key could do: re-hash the tree over edited bytes and re-sign. */
    void rewriteHistory(long edited) {
        List<byte[]> entries = jdbc.sql("SELECT entry FROM ledger_entry ORDER BY idx").query(byte[].class).list();
        byte[] forged = new String(entries.get((int) edited), StandardCharsets.UTF_8).replace("\"revision\":1", "\"revision\":1,\"x\":0")
                .getBytes(StandardCharsets.UTF_8);
        jdbc.sql("UPDATE ledger_entry SET entry = ? WHERE idx = ?").params(forged, edited).update();
        jdbc.sql("DELETE FROM ledger_hash").update();
        jdbc.sql("DELETE FROM ledger_checkpoint").update();
        for (long i = 0; i < entries.size(); i++) {
            byte[] leaf = MerkleHash.leaf(i == edited ? forged : entries.get((int) i));
            List<MerkleTree.StoredNode> nodes = MerkleTree.completedBy(i, leaf, (level, index) -> jdbc
                    .sql("SELECT hash FROM ledger_hash WHERE node = ?").param(((long) level << 56) | index).query(byte[].class).single());
            jdbc.sql("INSERT INTO ledger_hash (node, hash) VALUES (?, ?)").params(i, leaf).update();
            nodes.forEach(n -> jdbc.sql("INSERT INTO ledger_hash (node, hash) VALUES (?, ?)").params(((long) n.level() << 56) | n.index(), n.hash()).update());
        }
    }
}
