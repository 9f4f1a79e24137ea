package org.hanse.core.parameters;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.hanse.core.validation.TreeReader;
import org.hanse.core.validation.Validated;

/**
 * Reads a parameter tree (parsed YAML or JSON) into {@link NetworkParameters}: a parameter left out keeps its default,
 * every bad value is a {@link Problem} at its path (unknown fields, ranges, whole numbers, cross-field rules such as
 * θ1 &lt; θ2_base and polling-below &lt; real-time-from). A pair's overrides are read against the network's set.
 */
public final class NetworkParametersReader extends TreeReader {

    private static final Map<String, NetworkParameters.Spec> BY_PATH = NetworkParameters.SPECS.stream()
            .collect(Collectors.toMap(NetworkParameters.Spec::path, s -> s, (a, b) -> a, LinkedHashMap::new));

    private NetworkParametersReader() {
    }

    /** The full set from {@code tree} (null or empty: the defaults). */
    public static Validated<NetworkParameters> read(Object tree) {
        NetworkParametersReader reader = new NetworkParametersReader();
        Map<String, Double> given = reader.leaves(tree, false);
        if (!reader.problems.isEmpty()) {
            return Validated.invalid(reader.problems);
        }
        Map<String, Double> values = NetworkParameters.defaultValues();
        values.putAll(given);
        reader.crossChecks(values);
        return reader.problems.isEmpty() ? Validated.valid(NetworkParameters.of(values)) : Validated.invalid(reader.problems);
    }

    /** A pair's negotiated values (only parameters a pair may negotiate), checked together with {@code network}. */
    public static Validated<Map<String, Double>> readPair(Object tree, NetworkParameters network) {
        NetworkParametersReader reader = new NetworkParametersReader();
        Map<String, Double> given = reader.leaves(tree, true);
        if (reader.problems.isEmpty()) {
            reader.crossChecks(network.withPair(given).values());
        }
        return reader.problems.isEmpty() ? Validated.valid(Map.copyOf(given)) : Validated.invalid(reader.problems);
    }

    /** The paths a pair may negotiate. */
    public static Set<String> pairPaths() {
        return NetworkParameters.SPECS.stream().filter(NetworkParameters.Spec::perPair).map(NetworkParameters.Spec::path)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private Map<String, Double> leaves(Object tree, boolean pairOnly) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (tree == null) {
            return out;
        }
        if (!(tree instanceof Map<?, ?> map)) {
            add("", "must be a mapping of parameter groups (density, ordering, trust, payment, exit, transmission)");
            return out;
        }
        walk("", map, out, pairOnly);
        return out;
    }

    private void walk(String prefix, Map<?, ?> map, Map<String, Double> out, boolean pairOnly) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String path = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            NetworkParameters.Spec spec = BY_PATH.get(path);
            if (spec != null) {
                if (pairOnly && !spec.perPair()) {
                    add(path, "is not negotiated per pair; pairs may set " + pairPaths());
                } else {
                    value(spec, e.getValue(), out);
                }
            } else if (isGroup(path)) {
                if (e.getValue() instanceof Map<?, ?> inner) {
                    walk(path, inner, out, pairOnly);
                } else {
                    add(path, "must be a mapping");
                }
            } else {
                add(path, "unknown parameter; expected one of " + expected(prefix));
            }
        }
    }

    private void value(NetworkParameters.Spec spec, Object raw, Map<String, Double> out) {
        BigDecimal n = number(spec.path(), raw, Numbers.Range.of(spec.min(), spec.max()));
        if (n == null) {
            return;
        }
        if (spec.whole() && n.stripTrailingZeros().scale() > 0) {
            add(spec.path(), "must be a whole number");
            return;
        }
        out.put(spec.path(), n.doubleValue());
    }

    private static boolean isGroup(String path) {
        return BY_PATH.keySet().stream().anyMatch(p -> p.startsWith(path + "."));
    }

    private static List<String> expected(String prefix) {
        String start = prefix.isEmpty() ? "" : prefix + ".";
        return BY_PATH.keySet().stream().filter(p -> p.startsWith(start))
                .map(p -> p.substring(start.length()).split("\\.")[0]).distinct().toList();
    }

    private void crossChecks(Map<String, Double> v) {
        below(v, "density.theta1", "density.theta2-base");
        sumsToOne(v, "density.amount-weight", "density.frequency-weight", "density.amount-weight");
        below(v, "trust.polling-below", "trust.real-time-from");
        if (v.get("trust.min-window-days") > v.get("trust.max-window-days")) {
            add("trust.min-window-days", "must not exceed trust.max-window-days (" + plain(v.get("trust.max-window-days")) + ")");
        }
        sumsToOne(v, "trust.weights", "trust.weights.punctuality", "trust.weights.qualified", "trust.weights.information");
        below(v, "payment.realignment-below", "payment.rhythm-above");
        sumsToOne(v, "exit.proximity-weight", "exit.similarity-weight", "exit.proximity-weight");
    }

    private void below(Map<String, Double> v, String lower, String upper) {
        if (v.get(lower) >= v.get(upper)) {
            add(lower, "must be less than " + upper + " (" + plain(v.get(upper)) + ")");
        }
    }

    private void sumsToOne(Map<String, Double> v, String at, String... paths) {
        double sum = 0;
        for (String p : paths) {
            sum += v.get(p);
        }
        if (Math.abs(sum - 1) > 1e-9) {
            add(at, "the weights " + List.of(paths) + " must sum to 1, not " + plain(sum));
        }
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
