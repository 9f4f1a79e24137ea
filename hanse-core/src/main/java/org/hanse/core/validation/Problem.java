package org.hanse.core.validation;

import java.util.Objects;

/** One thing wrong with an input, located by its path (e.g. {@code bom-mapping[2].material}). */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
