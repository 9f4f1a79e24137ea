package org.hanse.core.ledger;

import java.util.Base64;
import java.util.List;
import org.hanse.core.validation.InvalidInputException;

/** A tree head in the C2SP tlog-checkpoint body format: origin line, decimal size, base64 root hash, each ending in \n. */
public record Checkpoint(String origin, long size, byte[] root) {

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("origin must be one non-empty line");
        }
        if (size < 0 || root == null || root.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("size must be >= 0 and root 32 bytes");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** Reads a body (extension lines after the root are allowed and ignored, as the format says). */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new InvalidInputException("checkpoint", "a checkpoint body ends with a newline");
        }
        List<String> lines = List.of(body.substring(0, body.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new InvalidInputException("checkpoint", "a checkpoint has an origin, a size and a root line");
        }
        long size;
        try {
            size = Long.parseLong(lines.get(1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("checkpoint.size", "not a decimal tree size: " + lines.get(1));
        }
        if (size < 0 || !lines.get(1).equals(Long.toString(size))) {
            throw new InvalidInputException("checkpoint.size", "not a canonical tree size: " + lines.get(1));
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines.get(2));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("checkpoint.root", "not base64: " + lines.get(2));
        }
        if (root.length != MerkleHash.SIZE || lines.get(0).isEmpty()) {
            throw new InvalidInputException("checkpoint", "the root is 32 bytes and the origin not empty");
        }
        return new Checkpoint(lines.get(0), size, root);
    }
}
