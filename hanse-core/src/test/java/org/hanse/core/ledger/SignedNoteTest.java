package org.hanse.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.hanse.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Ed25519 against RFC 8032 §7.1 TEST 1, and checkpoints as C2SP signed notes. */
class SignedNoteTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEED = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    @Test
    void rfc8032Test1() {
        assertThat(Ed25519.publicKey(SEED)).isEqualTo(PUBLIC);
        byte[] signature = Ed25519.sign(SEED, new byte[0]);
        assertThat(HEX.formatHex(signature)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
                + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519.verify(PUBLIC, new byte[0], signature)).isTrue();
        assertThat(Ed25519.verify(PUBLIC, new byte[] {0}, signature)).isFalse();
    }

    @Test
    void generatedKeysSignAndVerify() {
        Ed25519.RawKeyPair pair = Ed25519.generate();
        assertThat(Ed25519.publicKey(pair.seed())).isEqualTo(pair.publicKey());
        assertThat(Ed25519.verify(pair.publicKey(), new byte[] {1, 2}, Ed25519.sign(pair.seed(), new byte[] {1, 2}))).isTrue();
    }

    @Test
    void checkpointNoteRoundTrip() {
        Checkpoint head = new Checkpoint("hanse.example/ledger", 8,
                HEX.parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
        assertThat(head.body()).isEqualTo("hanse.example/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        String note = SignedNote.sign(head.body(), "hanse.example", SEED);
        assertThat(note).startsWith(head.body() + "\n\u2014 hanse.example ");
        SignedNote.VerifierKey key = new SignedNote.VerifierKey("hanse.example", PUBLIC);
        assertThat(SignedNote.VerifierKey.parse(key.encoded()).publicKey()).isEqualTo(PUBLIC);
        Checkpoint read = Checkpoint.parse(SignedNote.open(note, key));
        assertThat(read.size()).isEqualTo(8);
        assertThat(read.root()).isEqualTo(head.root());
    }

    @Test
    void tamperedNotesAndOtherKeysAreRefused() {
        String note = SignedNote.sign("origin\n3\n" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" + "\n", "hanse.example", SEED);
        SignedNote.VerifierKey key = new SignedNote.VerifierKey("hanse.example", PUBLIC);
        assertThatThrownBy(() -> SignedNote.open(note.replace("\n3\n", "\n4\n"), key)).isInstanceOf(InvalidInputException.class);
        SignedNote.VerifierKey other = new SignedNote.VerifierKey("hanse.example", Ed25519.generate().publicKey());
        assertThatThrownBy(() -> SignedNote.open(note, other)).hasMessageContaining("no valid signature");
        String encoded = key.encoded();
        assertThatThrownBy(() -> SignedNote.VerifierKey.parse(encoded.replace("hanse.example+", "other+")))
                .hasMessageContaining("key id");
    }
}
