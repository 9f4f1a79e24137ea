package org.hanse.core.node;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hanse.core.dictionary.Gln;
import org.hanse.core.dictionary.MaterialCode;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.order.CapacityProfile;
import org.hanse.core.order.CapacityProfileReader;
import org.hanse.core.validation.Problem;
import org.hanse.core.validation.TreeReader;
import org.hanse.core.validation.Validated;

/**
 * Reads a node config from a parsed YAML/JSON tree (maps, lists, strings, numbers) and reports every
 * problem with its path; a config with any problem yields no value at all.
 */
public final class NodeConfigReader extends TreeReader {

    static final Set<String> TOP_KEYS = Set.of("node", "modules", "response-timeout", "bom-mapping", "capacity");
    static final Set<String> NODE_KEYS = Set.of("id", "name", "roles", "location", "gln");
    static final Set<String> LOCATION_KEYS = Set.of("lat", "lon");
    static final Set<String> TIMEOUT_KEYS = Set.of("wait", "retries");
    static final Set<String> MAPPING_KEYS = Set.of("local", "material", "unit");
    static final Set<String> UNIT_KEYS = Set.of("local", "code", "factor");
    static final Duration MAX_WAIT = Duration.ofDays(30);
    static final int MAX_RETRIES = 10;

    private final PlatformCodes platformCodes;

    private NodeConfigReader(PlatformCodes platformCodes) {
        this.platformCodes = platformCodes;
    }

    /** Validates {@code tree} (the root of a config file) against the dictionary's platform codes. */
    public static Validated<NodeConfig> read(Object tree, PlatformCodes platformCodes) {
        return new NodeConfigReader(platformCodes).readRoot(tree);
    }

    private Validated<NodeConfig> readRoot(Object tree) {
        Map<?, ?> root = requiredMap("", tree);
        if (root == null) {
            return Validated.invalid(problems);
        }
        unknownKeys("", root, TOP_KEYS);

        Map<?, ?> node = requiredMap("node", root.get("node"));
        String id = null;
        String name = null;
        List<NodeRole> roles = List.of();
        Location location = null;
        Gln gln = null;
        if (node != null) {
            unknownKeys("node", node, NODE_KEYS);
            id = requiredString("node.id", node.get("id"));
            if (id != null && !NodeId.isValid(id)) {
                add("node.id", "must match " + NodeId.PATTERN.pattern());
            }
            name = requiredString("node.name", node.get("name"));
            if (name != null && name.length() > 200) {
                add("node.name", "must be at most 200 characters");
            }
            roles = roles(node.get("roles"));
            location = location(node.get("location"));
            gln = gln(node.get("gln"));
        }
        Set<InterfaceModule> modules = modules(root.get("modules"));
        ResponseTimeout timeout = timeout(root.get("response-timeout"));
        List<BomMapping> mapping = bomMapping(root.get("bom-mapping"));
        CapacityProfile capacity = null;
        if (root.get("capacity") != null) {
            Set<String> mapped = new HashSet<>();
            mapping.forEach(m -> mapped.add(m.material().value()));
            Validated<CapacityProfile> read = CapacityProfileReader.read(root.get("capacity"), "capacity", mapped);
            problems.addAll(read.problems());
            capacity = read.value();
        }

        if (!problems.isEmpty()) {
            return Validated.invalid(problems);
        }
        return Validated.valid(new NodeConfig(id, name, roles, location, gln, modules, timeout, mapping, capacity));
    }

    private List<NodeRole> roles(Object value) {
        List<?> list = requiredList("node.roles", value);
        if (list == null) {
            return List.of();
        }
        if (list.isEmpty()) {
            add("node.roles", "must name at least one role");
        }
        List<NodeRole> roles = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "node.roles[" + i + "]";
            String key = requiredString(path, list.get(i));
            if (key == null) {
                continue;
            }
            Optional<NodeRole> role = NodeRole.ofKey(key);
            if (role.isEmpty()) {
                add(path, "unknown role '" + key + "'; expected one of " + keys(NodeRole.values()));
            } else if (roles.contains(role.get())) {
                add(path, "duplicate role '" + key + "'");
            } else {
                roles.add(role.get());
            }
        }
        return roles;
    }

    private Location location(Object value) {
        Map<?, ?> map = requiredMap("node.location", value);
        if (map == null) {
            return null;
        }
        unknownKeys("node.location", map, LOCATION_KEYS);
        BigDecimal lat = requiredNumber("node.location.lat", map.get("lat"));
        BigDecimal lon = requiredNumber("node.location.lon", map.get("lon"));
        boolean ok = true;
        if (lat != null && (lat.compareTo(BigDecimal.valueOf(-90)) < 0 || lat.compareTo(BigDecimal.valueOf(90)) > 0)) {
            add("node.location.lat", "must lie in [-90, 90]");
            ok = false;
        }
        if (lon != null && (lon.compareTo(BigDecimal.valueOf(-180)) < 0 || lon.compareTo(BigDecimal.valueOf(180)) > 0)) {
            add("node.location.lon", "must lie in [-180, 180]");
            ok = false;
        }
        return ok && lat != null && lon != null ? new Location(lat.doubleValue(), lon.doubleValue()) : null;
    }

    private Gln gln(Object value) {
        if (value == null) {
            return null;
        }
        String text = requiredString("node.gln", value instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : value);
        if (text == null) {
            return null;
        }
        Optional<String> problem = Gln.problem(text);
        problem.ifPresent(p -> add("node.gln", p));
        return problem.isEmpty() ? new Gln(text) : null;
    }

    private Set<InterfaceModule> modules(Object value) {
        List<?> list = requiredList("modules", value);
        Set<InterfaceModule> modules = EnumSet.noneOf(InterfaceModule.class);
        if (list == null) {
            return modules;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "modules[" + i + "]";
            String key = requiredString(path, list.get(i));
            if (key == null) {
                continue;
            }
            Optional<InterfaceModule> module = InterfaceModule.ofKey(key);
            if (module.isEmpty()) {
                add(path, "unknown module '" + key + "'; expected one of order-sync, inventory-notify, exception-broadcast");
            } else if (!modules.add(module.get())) {
                add(path, "duplicate module '" + key + "'");
            }
        }
        return modules;
    }

    private ResponseTimeout timeout(Object value) {
        if (value == null) {
            return ResponseTimeout.DEFAULT;
        }
        Map<?, ?> map = requiredMap("response-timeout", value);
        if (map == null) {
            return null;
        }
        unknownKeys("response-timeout", map, TIMEOUT_KEYS);
        Duration wait = null;
        String waitText = requiredString("response-timeout.wait", map.get("wait"));
        if (waitText != null) {
            try {
                wait = Duration.parse(waitText);
                if (wait.isZero() || wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
                    add("response-timeout.wait", "must be positive and at most P30D");
                    wait = null;
                }
            } catch (DateTimeParseException e) {
                add("response-timeout.wait", "must be an ISO 8601 duration such as PT4H");
            }
        }
        Integer retries = null;
        Object retriesValue = map.get("retries");
        if (retriesValue == null) {
            add("response-timeout.retries", "is required");
        } else if (!(retriesValue instanceof Integer || retriesValue instanceof Long)
                || ((Number) retriesValue).longValue() < 0 || ((Number) retriesValue).longValue() > MAX_RETRIES) {
            add("response-timeout.retries", "must be a whole number from 0 to " + MAX_RETRIES);
        } else {
            retries = ((Number) retriesValue).intValue();
        }
        return wait != null && retries != null ? new ResponseTimeout(wait, retries) : null;
    }

    private List<BomMapping> bomMapping(Object value) {
        List<?> list = requiredList("bom-mapping", value);
        List<BomMapping> rows = new ArrayList<>();
        if (list == null) {
            return rows;
        }
        Set<String> locals = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "bom-mapping[" + i + "]";
            Map<?, ?> row = requiredMap(path, list.get(i));
            if (row == null) {
                continue;
            }
            unknownKeys(path, row, MAPPING_KEYS);
            String local = requiredString(path + ".local", row.get("local"));
            if (local != null && !locals.add(local)) {
                add(path + ".local", "duplicate local code '" + local + "'");
            }
            MaterialCode material = material(path + ".material", row.get("material"));
            Map<?, ?> unit = requiredMap(path + ".unit", row.get("unit"));
            String localUnit = null;
            UnitOfMeasure code = null;
            BigDecimal factor = null;
            if (unit != null) {
                unknownKeys(path + ".unit", unit, UNIT_KEYS);
                localUnit = requiredString(path + ".unit.local", unit.get("local"));
                String codeText = requiredString(path + ".unit.code", unit.get("code"));
                if (codeText != null) {
                    code = UnitOfMeasure.ofCode(codeText).orElse(null);
                    if (code == null) {
                        add(path + ".unit.code", "unknown UN/ECE Rec 20 unit '" + codeText + "'");
                    }
                }
                factor = requiredNumber(path + ".unit.factor", unit.get("factor"));
                if (factor != null && factor.signum() <= 0) {
                    add(path + ".unit.factor", "must be greater than 0");
                }
            }
            if (local != null && material != null && localUnit != null && code != null && factor != null) {
                rows.add(new BomMapping(local, material, localUnit, code, factor));
            }
        }
        return rows;
    }

    private MaterialCode material(String path, Object value) {
        MaterialCode code = materialCode(path, value);
        if (code != null && code.kind() == MaterialCode.Kind.PLATFORM && !platformCodes.exists(code.value())) {
            add(path, "platform code '" + code.value() + "' is not in the dictionary");
            return null;
        }
        return code;
    }

    private static String keys(NodeRole[] roles) {
        return java.util.Arrays.stream(roles).map(NodeRole::key).toList().toString();
    }
}
