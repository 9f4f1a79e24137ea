package org.hanse.core.dictionary;

import java.util.Optional;

/** GS1 Global Location Number: 13 digits with a mod-10 check digit. */
public record Gln(String value) {

    public Gln {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** What is wrong with a candidate GLN, if anything. */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || !Gs1CheckDigit.isDigits(candidate) || candidate.length() != 13) {
            return Optional.of("GLN must be 13 digits");
        }
        return Gs1CheckDigit.expectedIfWrong(candidate).map(d -> "GLN check digit should be " + d);
    }
}
