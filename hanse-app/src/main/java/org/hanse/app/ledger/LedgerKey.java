package org.hanse.app.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import org.hanse.core.ledger.Ed25519;
import org.hanse.core.ledger.SignedNote;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's Ed25519 checkpoint signing key: {@code hanse.ledger.signing-key} if configured, else
 * {@code <data-dir>/ledger-signing-key} (base64 seed, owner-only file mode 0600), generated at first start.
 */
@Component
public class LedgerKey {

    static final String FILE = "ledger-signing-key";

    private final byte[] seed;
    private final SignedNote.VerifierKey verifier;

    LedgerKey(LedgerProperties properties, @Value("${hanse.data-dir}") Path dataDir) {
        this.seed = properties.signingKey() != null ? decode(properties.signingKey()) : loadOrCreate(dataDir.resolve(FILE));
        this.verifier = new SignedNote.VerifierKey(properties.origin(), Ed25519.publicKey(seed));
    }

    /** The verifier key string third parties pin: name+keyid+base64(0x01 ‖ public key). */
    public String verifierKey() {
        return verifier.encoded();
    }

    String sign(String text) {
        return SignedNote.sign(text, verifier.name(), seed);
    }

    SignedNote.VerifierKey verifier() {
        return verifier;
    }

    /** Reads the seed file, or creates it with a fresh key when there is none (never overwrites one). */
    static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = Ed25519.generate().seed();
            try {
                if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first: its key is the key.
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
                    Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING).toArray(StandardOpenOption[]::new));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ledger signing key " + file, e);
        }
    }

    static byte[] decode(String base64) {
        byte[] seed = Base64.getDecoder().decode(base64.trim());
        if (seed.length != 32) {
            throw new IllegalStateException("the ledger signing key must be a base64 Ed25519 seed of 32 bytes");
        }
        return seed;
    }
}
