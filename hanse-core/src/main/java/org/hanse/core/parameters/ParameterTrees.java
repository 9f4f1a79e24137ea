package org.hanse.core.parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nests dotted parameter paths into the tree written as YAML or JSON, whole-number parameters as integers. */
final class ParameterTrees {

    private ParameterTrees() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> nest(Map<String, Double> values, List<NetworkParameters.Spec> specs) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (NetworkParameters.Spec spec : specs) {
            if (!values.containsKey(spec.path())) {
                continue;
            }
            String[] parts = spec.path().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            }
            double value = values.get(spec.path());
            node.put(parts[parts.length - 1], spec.whole() ? (Object) Math.round(value) : (Object) value);
        }
        return root;
    }
}
