package org.hanse.core.patch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 7396 JSON Merge Patch on trees of {@code Map<String, Object>}, lists and scalars. {@link #diff}
 * produces a patch holding only the changed fields (removed members as {@code null}, lists replaced
 * whole, as the RFC requires); {@link #apply} is the RFC's MergePatch algorithm.
 */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    /** The patch that turns {@code source} into {@code target}; an empty map when they are equal. */
    public static Map<String, Object> diff(Map<String, Object> source, Map<String, Object> target) {
        Map<String, Object> patch = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            if (!target.containsKey(entry.getKey())) {
                patch.put(entry.getKey(), null);
            }
        }
        for (Map.Entry<String, Object> entry : target.entrySet()) {
            String key = entry.getKey();
            Object after = entry.getValue();
            Object before = source.get(key);
            if (!source.containsKey(key)) {
                patch.put(key, after);
            } else if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
                Map<String, Object> inner = diff(cast(b), cast(a));
                if (!inner.isEmpty()) {
                    patch.put(key, inner);
                }
            } else if (!sameValue(before, after)) {
                patch.put(key, after);
            }
        }
        return patch;
    }

    /** Applies {@code patch} to {@code target} and returns a new tree; the inputs are not modified. */
    public static Object apply(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> patchMap)) {
            return patch;
        }
        Map<String, Object> result = target instanceof Map<?, ?> t ? new LinkedHashMap<>(cast(t)) : new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : cast(patchMap).entrySet()) {
            if (entry.getValue() == null) {
                result.remove(entry.getKey());
            } else {
                result.put(entry.getKey(), apply(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }

    /** Numbers compare by value (2 equals 2.0), so a re-read file does not produce spurious changes. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        if (a instanceof java.util.List<?> x && b instanceof java.util.List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                Object xi = x.get(i);
                Object yi = y.get(i);
                if (xi instanceof Map<?, ?> mx && yi instanceof Map<?, ?> my) {
                    if (!diff(cast(mx), cast(my)).isEmpty()) {
                        return false;
                    }
                } else if (!sameValue(xi, yi)) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
