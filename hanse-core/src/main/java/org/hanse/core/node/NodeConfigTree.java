package org.hanse.core.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical tree of a config (the form stored, sent to neighbours and diffed into merge patches):
 * fixed key order, absent optional fields left out, modules in declaration order.
 */
public final class NodeConfigTree {

    private NodeConfigTree() {
    }

    public static Map<String, Object> of(NodeConfig config) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", config.id());
        node.put("name", config.name());
        node.put("roles", config.roles().stream().map(NodeRole::key).toList());
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("lat", config.location().lat());
        location.put("lon", config.location().lon());
        node.put("location", location);
        if (config.gln() != null) {
            node.put("gln", config.gln().value());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("node", node);
        root.put("modules", java.util.Arrays.stream(InterfaceModule.values())
                .filter(config::hasModule).map(InterfaceModule::key).toList());
        Map<String, Object> timeout = new LinkedHashMap<>();
        timeout.put("wait", config.responseTimeout().waitFor().toString());
        timeout.put("retries", config.responseTimeout().retries());
        root.put("response-timeout", timeout);
        List<Object> rows = new ArrayList<>();
        for (BomMapping row : config.bomMapping()) {
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("local", row.localUnit());
            unit.put("code", row.unit().code());
            unit.put("factor", row.factor().stripTrailingZeros().toPlainString());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("local", row.local());
            r.put("material", row.material().value());
            r.put("unit", unit);
            rows.add(r);
        }
        root.put("bom-mapping", rows);
        return root;
    }
}
