package org.hanse.core.validation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.core.dictionary.MaterialCode;

/**
 * Reading helpers for parsed YAML/JSON trees that collect every problem with its path instead of stopping
 * at the first; the readers of config files and API bodies build on it.
 */
public class TreeReader {

    protected final List<Problem> problems = new ArrayList<>();

    public List<Problem> problems() {
        return problems;
    }

    protected Map<?, ?> requiredMap(String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        add(path, value == null ? "is required" : "must be a mapping");
        return null;
    }

    protected List<?> requiredList(String path, Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        add(path, value == null ? "is required" : "must be a list");
        return null;
    }

    protected String requiredString(String path, Object value) {
        if (value == null) {
            add(path, "is required");
            return null;
        }
        if (!(value instanceof String s)) {
            add(path, "must be text");
            return null;
        }
        if (s.isBlank()) {
            add(path, "must not be blank");
            return null;
        }
        return s;
    }

    /**
     * Any finite number of sane magnitude (at most 1e12, non-zero at least 1e-9): NaN, ±Infinity, overflows and
     * subnormals are refused here once for every reader; callers with a stated range use {@link #number}.
     */
    protected BigDecimal requiredNumber(String path, Object value) {
        if (value == null) {
            add(path, "is required");
            return null;
        }
        BigDecimal n = Numbers.exact(value);
        if (n == null) {
            add(path, "must be a number");
            return null;
        }
        String problem = Numbers.SANE.problem(n);
        if (problem != null) {
            add(path, problem);
            return null;
        }
        return n;
    }

    /** A number within {@code range}, else a problem at {@code path}. */
    protected BigDecimal number(String path, Object value, Numbers.Range range) {
        return Numbers.read(path, value, range, problems);
    }

    /** A number strictly greater than zero. */
    protected BigDecimal positiveNumber(String path, Object value) {
        BigDecimal n = requiredNumber(path, value);
        if (n != null && n.signum() <= 0) {
            add(path, "must be greater than 0");
            return null;
        }
        return n;
    }

    protected Integer wholeNumber(String path, Object value, int min, int max) {
        if (value == null) {
            add(path, "is required");
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min || ((Number) value).longValue() > max) {
            add(path, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return ((Number) value).intValue();
    }

    protected Duration duration(String path, Object value, Duration min, Duration max) {
        String text = requiredString(path, value);
        if (text == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                add(path, "must lie between " + min + " and " + max);
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            add(path, "must be an ISO 8601 duration such as PT4H");
            return null;
        }
    }

    /**
     * A material code (GTIN with its check digit, or platform code by form). YAML reads an unquoted GTIN as a
     * number and loses its leading zeros, so a number is refused with advice to quote it.
     */
    protected MaterialCode materialCode(String path, Object value) {
        if (value instanceof Number n) {
            add(path, "write the GTIN in quotes so leading zeros are kept (read as the number " + n + ")");
            return null;
        }
        String text = requiredString(path, value);
        if (text == null) {
            return null;
        }
        MaterialCode.Parsed parsed = MaterialCode.parse(text);
        if (!parsed.ok()) {
            add(path, parsed.error());
            return null;
        }
        return parsed.code();
    }

    protected void unknownKeys(String path, Map<?, ?> map, Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                add(path.isEmpty() ? String.valueOf(key) : path + "." + key,
                        "unknown field; expected one of " + allowed.stream().sorted().toList());
            }
        }
    }

    protected void add(String path, String message) {
        problems.add(new Problem(path, message));
    }
}
