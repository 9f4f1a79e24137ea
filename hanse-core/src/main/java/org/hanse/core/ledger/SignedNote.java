package org.hanse.core.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.hanse.core.validation.InvalidInputException;

/**
 * C2SP signed-note with Ed25519: the text, a blank line, then "— name base64(keyId ‖ signature)" lines. The key id is
 * the first 4 bytes of SHA-256(name ‖ \n ‖ 0x01 ‖ public key); a verifier key is written name+hex(id)+base64(0x01 ‖ key).
 */
public final class SignedNote {

    private static final byte ED25519 = 0x01;
    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** A named public key as verifiers hold it. */
    public record VerifierKey(String name, byte[] publicKey) {

        public VerifierKey {
            if (name == null || name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
                throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
            }
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        public byte[] keyId() {
            byte[] material = Ed25519.concat((name + "\n").getBytes(StandardCharsets.UTF_8),
                    Ed25519.concat(new byte[] {ED25519}, publicKey));
            return Arrays.copyOf(MerkleHash.sha256(material), 4);
        }

        /** The verifier key string, e.g. {@code hanse.example+1a2b3c4d+AXV...}. */
        public String encoded() {
            return name + "+" + HexFormat.of().formatHex(keyId()) + "+"
                    + Base64.getEncoder().encodeToString(Ed25519.concat(new byte[] {ED25519}, publicKey));
        }

        public static VerifierKey parse(String text) {
            String[] parts = text.trim().split("\\+", 3);
            if (parts.length != 3) {
                throw new InvalidInputException("key", "a verifier key reads name+keyid+base64key");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("key", "the key part is not base64");
            }
            if (key.length != 33 || key[0] != ED25519) {
                throw new InvalidInputException("key", "not an Ed25519 verifier key");
            }
            VerifierKey parsed = new VerifierKey(parts[0], Arrays.copyOfRange(key, 1, key.length));
            if (!HexFormat.of().formatHex(parsed.keyId()).equals(parts[1])) {
                throw new InvalidInputException("key", "the key id does not match the name and key");
            }
            return parsed;
        }
    }

    public static String sign(String text, String name, byte[] seed) {
        requireText(text);
        VerifierKey key = new VerifierKey(name, Ed25519.publicKey(seed));
        byte[] signature = Ed25519.sign(seed, text.getBytes(StandardCharsets.UTF_8));
        return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(Ed25519.concat(key.keyId(), signature)) + "\n";
    }

    /** The note's text when one of its signature lines is the key's valid signature; otherwise a clear refusal. */
    public static String open(String note, VerifierKey key) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new InvalidInputException("note", "a signed note is text, a blank line and signature lines");
        }
        String text = note.substring(0, split + 1);
        byte[] id = key.keyId();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n")) {
            String prefix = DASH + key.name() + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] signed;
            try {
                signed = Base64.getDecoder().decode(line.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (signed.length == 4 + 64 && Arrays.equals(Arrays.copyOf(signed, 4), id)
                    && Ed25519.verify(key.publicKey(), text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signed, 4, signed.length))) {
                return text;
            }
        }
        throw new InvalidInputException("note", "no valid signature by " + key.name() + "+" + HexFormat.of().formatHex(id));
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("note text is non-empty lines each ending in a newline");
        }
    }
}
