package org.hanse.core.dictionary;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dictionary material: a GS1 GTIN-8/12/13/14 (check digit validated) or a platform code for goods
 * without a GTIN. A string of digits is always read as a GTIN; platform codes start with a letter.
 */
public record MaterialCode(Kind kind, String value) {

    /** How the material is identified. */
    public enum Kind { GTIN, PLATFORM }

    /** Platform codes: upper-case letter first, then letters, digits or dashes; 3 to 40 characters. */
    public static final Pattern PLATFORM_CODE = Pattern.compile("[A-Z][A-Z0-9-]{2,39}");

    public MaterialCode {
        if (kind == null || value == null) {
            throw new IllegalArgumentException("kind and value are required");
        }
    }

    /** Reads a code, or explains what is wrong with it. */
    public static Parsed parse(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Parsed.error("material code is required");
        }
        if (Gs1CheckDigit.isDigits(candidate)) {
            int n = candidate.length();
            if (n != 8 && n != 12 && n != 13 && n != 14) {
                return Parsed.error("GTIN must have 8, 12, 13 or 14 digits, not " + n);
            }
            Optional<Integer> expected = Gs1CheckDigit.expectedIfWrong(candidate);
            if (expected.isPresent()) {
                return Parsed.error("GTIN check digit should be " + expected.get());
            }
            return new Parsed(new MaterialCode(Kind.GTIN, candidate), null);
        }
        if (!PLATFORM_CODE.matcher(candidate).matches()) {
            return Parsed.error("not a GTIN (digits only) nor a platform code (" + PLATFORM_CODE.pattern() + ")");
        }
        return new Parsed(new MaterialCode(Kind.PLATFORM, candidate), null);
    }

    /** The GTIN as 14 digits (left-padded with zeros), the form GS1 uses to compare GTINs of any length. */
    public Optional<String> gtin14() {
        return kind == Kind.GTIN ? Optional.of("0".repeat(14 - value.length()) + value) : Optional.empty();
    }

    /** Result of {@link #parse}: a code or an error message. */
    public record Parsed(MaterialCode code, String error) {
        static Parsed error(String message) {
            return new Parsed(null, message);
        }

        public boolean ok() {
            return code != null;
        }
    }
}
