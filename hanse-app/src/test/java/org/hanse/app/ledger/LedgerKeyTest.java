package org.hanse.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.hanse.core.ledger.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key: generated once into the data directory (owner-only), kept across restarts, or configured. */
class LedgerKeyTest {

    @TempDir
    Path dir;

    @Test
    void generatedAtFirstStartOwnerOnlyAndKept() throws Exception {
        LedgerKey first = new LedgerKey(new LedgerProperties(null, null, null), dir);
        Path file = dir.resolve(LedgerKey.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        LedgerKey again = new LedgerKey(new LedgerProperties(null, null, null), dir);
        assertThat(again.verifierKey()).isEqualTo(first.verifierKey()).startsWith("hanse.local/ledger+");
    }

    @Test
    void aConfiguredSeedWinsAndNothingIsWritten() {
        // RFC 8032 §7.1 TEST 1's secret key: its public key must appear in the verifier key.
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        LedgerKey key = new LedgerKey(new LedgerProperties("example.org/log", Base64.getEncoder().encodeToString(seed), Duration.ofSeconds(5)), dir);
        byte[] encoded = Base64.getDecoder().decode(key.verifierKey().split("\\+", 3)[2]);
        assertThat(encoded[0]).isEqualTo((byte) 1);
        assertThat(java.util.Arrays.copyOfRange(encoded, 1, 33)).isEqualTo(Ed25519.publicKey(seed));
        assertThat(key.verifierKey()).startsWith("example.org/log+");
        assertThat(dir.resolve(LedgerKey.FILE)).doesNotExist();
    }
}
