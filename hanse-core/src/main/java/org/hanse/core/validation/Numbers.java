package org.hanse.core.validation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Finite numbers within stated ranges for everything the API takes: NaN, ±Infinity, overflows, subnormals and
 * absurd magnitudes are refused with the offending path, so no rule downstream ever sees them.
 */
public final class Numbers {

    /**
     * No non-zero magnitude below this is accepted, whatever the range: it keeps subnormal doubles (1e-320) and
     * dust that the DECIMAL(19, 6) columns would round to zero out of every computation.
     */
    public static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1e-9");

    /** Quantities of goods (order lines, movements, shipments, transfers, batches): a millionth to a billion units. */
    public static final Range QUANTITY = new Range(new BigDecimal("0.000001"), new BigDecimal("1e9"));
    /** Signed quantities (stock movements, corrections to a count): zero excluded by the callers that need it. */
    public static final Range SIGNED_QUANTITY = new Range(new BigDecimal("-1e9"), new BigDecimal("1e9"));
    /** Money: prices and payment amounts, at most a trillion in the currency's major unit. */
    public static final Range MONEY = new Range(BigDecimal.ZERO, new BigDecimal("1e12"));
    /** Rates, capacities and loads (per hour, per day, per unit): never negative, at most a billion. */
    public static final Range RATE = new Range(BigDecimal.ZERO, new BigDecimal("1e9"));
    /** Shares, probabilities, weights and promised levels. */
    public static final Range FRACTION = new Range(BigDecimal.ZERO, BigDecimal.ONE);
    /** Turnovers and similar positive factors (per year). */
    public static final Range FACTOR = new Range(new BigDecimal("0.000001"), new BigDecimal("1e6"));
    /** Any sane number: finite, at most 1e12 in size (for values whose own rule states the narrower range). */
    public static final Range SANE = new Range(new BigDecimal("-1e12"), new BigDecimal("1e12"));
    /** Percentages. */
    public static final Range PERCENT = new Range(BigDecimal.ZERO, new BigDecimal("100"));

    private Numbers() {
    }

    /** A closed interval [min, max]. */
    public record Range(BigDecimal min, BigDecimal max) {

        public Range {
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }

        public static Range of(double min, double max) {
            return new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        }

        /** "must be a finite number from min to max", both written plainly. */
        public String describe() {
            return "must be a finite number from " + min.stripTrailingZeros().toPlainString() + " to " + max.stripTrailingZeros().toPlainString();
        }

        /** The message for a value outside the range (or too close to zero), else null. */
        public String problem(BigDecimal value) {
            if (min.signum() > 0 && value.signum() <= 0) {
                return "must be greater than 0";
            }
            boolean dust = value.signum() != 0 && value.abs().compareTo(MIN_MAGNITUDE) < 0;
            if (dust || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                return describe() + (dust ? " (a non-zero value must be at least " + MIN_MAGNITUDE.toPlainString() + " in size)" : "");
            }
            return null;
        }
    }

    /**
     * The exact value of a JSON/YAML number or numeric text, or null for anything else — including NaN and
     * ±Infinity, which have no exact value.
     */
    public static BigDecimal exact(Object raw) {
        if (!(raw instanceof Number || raw instanceof String)) {
            return null;
        }
        if (raw instanceof Double d && !Double.isFinite(d) || raw instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        String text = raw.toString().trim();
        if (text.length() > 100) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value of {@code raw} if it is a number in {@code range}; else null with a problem at {@code path} added. */
    public static BigDecimal read(String path, Object raw, Range range, List<Problem> problems) {
        if (raw == null) {
            problems.add(new Problem(path, "is required"));
            return null;
        }
        BigDecimal value = exact(raw);
        String problem = value == null ? range.describe() : range.problem(value);
        if (problem != null) {
            problems.add(new Problem(path, problem));
            return null;
        }
        return value;
    }

    /** As {@link #read}, for an already bound double. */
    public static Double check(String path, double value, Range range, List<Problem> problems) {
        BigDecimal read = read(path, value, range, problems);
        return read == null ? null : value;
    }

    /** The bound double if in {@code range}, else {@link InvalidInputException} naming {@code path}. */
    public static double require(String path, double value, Range range) {
        List<Problem> problems = new java.util.ArrayList<>();
        check(path, value, range, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return value;
    }
}
