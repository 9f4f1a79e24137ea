package org.hanse.sim;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.hanse.core.validation.TreeReader;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a scenario file (YAML) into a {@link Scenario}, listing every problem with its path
 * ({@code nodes[2].lead-time.max: must be at least min}); nothing runs while any problem exists. The format is
 * documented in {@code docs/SIMULATOR.md}.
 */
public final class ScenarioReader extends TreeReader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> TOP = Set.of("name", "horizon", "warm-up", "replications", "seed", "policy", "mechanisms", "nodes",
            "links", "generate", "disruptions", "parameters");

    private final Path baseDir;
    private final boolean filesAllowed;

    private ScenarioReader(Path baseDir, boolean filesAllowed) {
        this.baseDir = baseDir;
        this.filesAllowed = filesAllowed;
    }

    /** Reads a file; CSV demand series are resolved next to it. */
    public static Scenario read(Path file) {
        try {
            return parse(Files.readString(file), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new InvalidInputException("file", "cannot be read: " + e.getMessage());
        }
    }

    /** Parses scenario text; throws {@link InvalidInputException} with every problem. */
    public static Scenario parse(String yaml, Path baseDir) {
        return parse(yaml, baseDir, true);
    }

    /**
     * Parses a scenario sent by someone else (a web upload): it may not name files, since the server would read them
     * from its own disk.
     */
    public static Scenario parseUntrusted(String yaml) {
        return parse(yaml, null, false);
    }

    private static Scenario parse(String yaml, Path baseDir, boolean filesAllowed) {
        Object tree;
        try {
            tree = YAML.readValue(yaml, Object.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("", "is not valid YAML: " + e.getOriginalMessage());
        }
        ScenarioReader r = new ScenarioReader(baseDir, filesAllowed);
        Scenario s = r.scenario(tree);
        if (!r.problems().isEmpty()) {
            throw new InvalidInputException(r.problems());
        }
        return s;
    }

    private Scenario scenario(Object tree) {
        Map<?, ?> root = requiredMap("", tree);
        if (root == null) {
            return null;
        }
        unknownKeys("", root, TOP);
        String name = root.get("name") == null ? "scenario" : requiredString("name", root.get("name"));
        Integer horizon = wholeNumber("horizon", root.get("horizon"), 1, 10_000_000);
        Integer warmUp = root.get("warm-up") == null ? Integer.valueOf(0) : wholeNumber("warm-up", root.get("warm-up"), 0, 100_000);
        if (horizon != null && warmUp != null && warmUp >= horizon) {
            add("warm-up", "must be shorter than the horizon (" + horizon + " days)");
        }
        Integer replications = root.get("replications") == null ? Integer.valueOf(10) : wholeNumber("replications", root.get("replications"), 1, 10_000);
        long seed = 1;
        if (root.get("seed") != null) {
            if (root.get("seed") instanceof Number n && (n instanceof Integer || n instanceof Long)) {
                seed = n.longValue();
            } else {
                add("seed", "must be a whole number");
            }
        }
        Scenario.Policy policy = policy(root.get("policy"));
        Scenario.Mechanisms mechanisms = mechanisms(root.get("mechanisms"));
        List<Scenario.NodeSpec> nodes = new ArrayList<>();
        List<Scenario.LinkSpec> links = new ArrayList<>();
        if (root.get("generate") != null) {
            if (root.get("nodes") != null || root.get("links") != null) {
                add("generate", "give either generate or nodes and links, not both");
            }
            NetworkGenerator.Spec spec = generate(root.get("generate"));
            if (spec != null && seed >= 0) {
                NetworkGenerator.Network n = NetworkGenerator.generate(spec, seed);
                nodes.addAll(n.nodes());
                links.addAll(n.links());
            }
        } else {
            List<?> list = requiredList("nodes", root.get("nodes"));
            for (int i = 0; list != null && i < list.size(); i++) {
                Scenario.NodeSpec n = node("nodes[" + i + "]", list.get(i));
                if (n != null) {
                    nodes.add(n);
                }
            }
            if (root.get("links") != null) {
                List<?> ls = requiredList("links", root.get("links"));
                for (int i = 0; ls != null && i < ls.size(); i++) {
                    Scenario.LinkSpec l = link("links[" + i + "]", ls.get(i));
                    if (l != null) {
                        links.add(l);
                    }
                }
            }
        }
        checkNetwork(nodes, links);
        List<Disruption> disruptions = new ArrayList<>();
        if (root.get("disruptions") != null) {
            List<?> ds = requiredList("disruptions", root.get("disruptions"));
            Set<String> ids = new HashSet<>();
            nodes.forEach(n -> ids.add(n.id()));
            for (int i = 0; ds != null && i < ds.size(); i++) {
                Disruption d = disruption("disruptions[" + i + "]", ds.get(i), ids, horizon == null ? Integer.MAX_VALUE : horizon);
                if (d != null) {
                    disruptions.add(d);
                }
            }
        }
        // The network's parameters through the server's own reader, its problems under "parameters.".
        org.hanse.core.validation.Validated<org.hanse.core.parameters.NetworkParameters> parameters =
                org.hanse.core.parameters.NetworkParametersReader.read(root.get("parameters"));
        parameters.problems().forEach(p -> add(p.path().isEmpty() ? "parameters" : "parameters." + p.path(), p.message()));
        if (!problems.isEmpty()) {
            return null;
        }
        return new Scenario(name, horizon, warmUp, replications, seed, policy, mechanisms, List.copyOf(nodes), List.copyOf(links), List.copyOf(disruptions),
                parameters.value());
    }

    private Scenario.Policy policy(Object value) {
        Map<?, ?> m = value == null ? Map.of() : requiredMap("policy", value);
        if (m == null) {
            return null;
        }
        unknownKeys("policy", m, Set.of("kind", "p", "z", "allow-negative-orders", "information-sharing", "service-level"));
        String kind = m.get("kind") == null ? "textbook" : requiredString("policy.kind", m.get("kind"));
        Scenario.PolicyKind k = switch (String.valueOf(kind)) {
            case "textbook" -> Scenario.PolicyKind.TEXTBOOK;
            case "base-stock" -> Scenario.PolicyKind.BASE_STOCK;
            case "hanse" -> Scenario.PolicyKind.HANSE;
            default -> {
                add("policy.kind", "must be textbook, base-stock or hanse");
                yield null;
            }
        };
        Integer p = m.get("p") == null ? Integer.valueOf(5) : wholeNumber("policy.p", m.get("p"), 1, 365);
        double z = number("policy.z", m.get("z"), 0, -10, 10);
        boolean negative = bool("policy.allow-negative-orders", m.get("allow-negative-orders"), false);
        String sharing = m.get("information-sharing") == null ? "decentralized" : requiredString("policy.information-sharing", m.get("information-sharing"));
        if (!"decentralized".equals(sharing) && !"centralized".equals(sharing)) {
            add("policy.information-sharing", "must be decentralized or centralized");
        }
        double alpha = number("policy.service-level", m.get("service-level"), 0.95, 0.5, 0.9999);
        return new Scenario.Policy(k, p == null ? 5 : p, z, negative, "centralized".equals(sharing), alpha);
    }

    private Scenario.Mechanisms mechanisms(Object value) {
        if (value == null) {
            return Scenario.Mechanisms.NONE;
        }
        if ("all".equals(value)) {
            return Scenario.Mechanisms.ALL;
        }
        Map<?, ?> m = requiredMap("mechanisms", value);
        if (m == null) {
            return null;
        }
        unknownKeys("mechanisms", m, Set.of("trigger-response", "forecast-sharing", "warnings", "payments", "trust", "substitution"));
        return new Scenario.Mechanisms(bool("mechanisms.trigger-response", m.get("trigger-response"), false),
                bool("mechanisms.forecast-sharing", m.get("forecast-sharing"), false), bool("mechanisms.warnings", m.get("warnings"), false),
                bool("mechanisms.payments", m.get("payments"), false), bool("mechanisms.trust", m.get("trust"), false),
                bool("mechanisms.substitution", m.get("substitution"), false));
    }

    private Scenario.NodeSpec node(String path, Object value) {
        Map<?, ?> m = requiredMap(path, value);
        if (m == null) {
            return null;
        }
        unknownKeys(path, m, Set.of("id", "tier", "lead-time", "demand", "capacity", "location", "initial-inventory", "unit-price",
                "payment-delay", "defect-rate", "equipment"));
        String id = requiredString(path + ".id", m.get("id"));
        Integer tier = wholeNumber(path + ".tier", m.get("tier"), 1, 100);
        LeadTime lead = leadTime(path + ".lead-time", m.get("lead-time"));
        Demand demand = m.get("demand") == null ? null : demand(path + ".demand", m.get("demand"));
        if (tier != null && tier == 1 && m.get("demand") == null) {
            add(path + ".demand", "is required for a tier-1 node (it faces end customers)");
        }
        double capacity = m.get("capacity") == null ? Double.POSITIVE_INFINITY : number(path + ".capacity", m.get("capacity"), 0, 0, 1e12);
        double lat = 0;
        double lon = 0;
        if (m.get("location") != null) {
            Map<?, ?> loc = requiredMap(path + ".location", m.get("location"));
            if (loc != null) {
                lat = number(path + ".location.lat", loc.get("lat"), 0, -90, 90);
                lon = number(path + ".location.lon", loc.get("lon"), 0, -180, 180);
            }
        }
        double initial = number(path + ".initial-inventory", m.get("initial-inventory"), -1, 0, 1e12);
        double price = number(path + ".unit-price", m.get("unit-price"), 10, 0, 1e9);
        double delay = number(path + ".payment-delay", m.get("payment-delay"), 0, -365, 365);
        double defects = number(path + ".defect-rate", m.get("defect-rate"), 0, 0, 1);
        List<String> equipment = new ArrayList<>();
        if (m.get("equipment") != null) {
            List<?> eq = requiredList(path + ".equipment", m.get("equipment"));
            for (int i = 0; eq != null && i < eq.size(); i++) {
                String e = requiredString(path + ".equipment[" + i + "]", eq.get(i));
                if (e != null) {
                    equipment.add(e);
                }
            }
        }
        if (id == null || tier == null) {
            return null;
        }
        // A node with other problems still takes part in the network checks (the scenario will not run anyway).
        return new Scenario.NodeSpec(id, tier, lead == null ? new LeadTime.Constant(1) : lead, demand, capacity, lat, lon, initial, price, delay, defects, List.copyOf(equipment));
    }

    private LeadTime leadTime(String path, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            Integer d = wholeNumber(path, value, 1, 365);
            return d == null ? null : new LeadTime.Constant(d);
        }
        Map<?, ?> m = requiredMap(path, value);
        if (m == null) {
            return null;
        }
        String dist = requiredString(path + ".distribution", m.get("distribution"));
        if ("uniform".equals(dist)) {
            unknownKeys(path, m, Set.of("distribution", "min", "max"));
            Integer min = wholeNumber(path + ".min", m.get("min"), 1, 365);
            Integer max = wholeNumber(path + ".max", m.get("max"), 1, 365);
            if (min != null && max != null && max < min) {
                add(path + ".max", "must be at least min (" + min + ")");
                return null;
            }
            return min == null || max == null ? null : new LeadTime.Uniform(min, max);
        }
        if ("normal".equals(dist)) {
            unknownKeys(path, m, Set.of("distribution", "mean", "sd"));
            double mean = number(path + ".mean", m.get("mean"), Double.NaN, 1, 365);
            double sd = number(path + ".sd", m.get("sd"), 0, 0, 100);
            return Double.isNaN(mean) ? null : new LeadTime.Normal(mean, sd);
        }
        if (dist != null) {
            add(path + ".distribution", "must be uniform or normal (or give a whole number of days)");
        }
        return null;
    }

    private Demand demand(String path, Object value) {
        Map<?, ?> m = requiredMap(path, value);
        if (m == null) {
            return null;
        }
        String kind = requiredString(path + ".kind", m.get("kind"));
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case "constant" -> {
                unknownKeys(path, m, Set.of("kind", "value"));
                double v = number(path + ".value", m.get("value"), Double.NaN, 0, 1e12);
                return Double.isNaN(v) ? null : new Demand.Constant(v);
            }
            case "normal" -> {
                unknownKeys(path, m, Set.of("kind", "mean", "sd"));
                double mean = number(path + ".mean", m.get("mean"), Double.NaN, 0, 1e12);
                double sd = number(path + ".sd", m.get("sd"), Double.NaN, 0, 1e12);
                return Double.isNaN(mean) || Double.isNaN(sd) ? null : new Demand.Normal(mean, sd);
            }
            case "poisson" -> {
                unknownKeys(path, m, Set.of("kind", "mean"));
                double mean = number(path + ".mean", m.get("mean"), Double.NaN, 0, 1e9);
                return Double.isNaN(mean) ? null : new Demand.Poisson(mean);
            }
            case "csv" -> {
                unknownKeys(path, m, Set.of("kind", "file", "column"));
                String file = requiredString(path + ".file", m.get("file"));
                if (file != null && !filesAllowed) {
                    add(path + ".file", "a scenario sent to the server cannot read files; use constant, normal or poisson demand");
                    return null;
                }
                String column = m.get("column") == null ? null : requiredString(path + ".column", m.get("column"));
                return file == null ? null : series(path, file, column);
            }
            default -> {
                add(path + ".kind", "must be constant, normal, poisson or csv");
                return null;
            }
        }
    }

    /** A CSV demand series: one value a line, or the named column of a file with a header line. */
    private Demand series(String path, String file, String column) {
        Path f = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(f);
        } catch (IOException e) {
            add(path + ".file", "cannot be read: " + f);
            return null;
        }
        int col = 0;
        int first = 0;
        if (column != null) {
            List<String> header = List.of(lines.isEmpty() ? new String[0] : lines.get(0).split(","));
            col = header.stream().map(String::trim).toList().indexOf(column);
            if (col < 0) {
                add(path + ".column", "is not in the header of " + file + " " + header);
                return null;
            }
            first = 1;
        }
        List<Double> values = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",");
            try {
                double v = Double.parseDouble(cells[col].trim());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (RuntimeException e) {
                add(path + ".file", file + " line " + (i + 1) + ": not a demand quantity ≥ 0");
                return null;
            }
        }
        if (values.isEmpty()) {
            add(path + ".file", file + " holds no values");
            return null;
        }
        return new Demand.Series(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private Scenario.LinkSpec link(String path, Object value) {
        Map<?, ?> m = requiredMap(path, value);
        if (m == null) {
            return null;
        }
        unknownKeys(path, m, Set.of("buyer", "supplier"));
        String buyer = requiredString(path + ".buyer", m.get("buyer"));
        String supplier = requiredString(path + ".supplier", m.get("supplier"));
        return buyer == null || supplier == null ? null : new Scenario.LinkSpec(buyer, supplier);
    }

    private void checkNetwork(List<Scenario.NodeSpec> nodes, List<Scenario.LinkSpec> links) {
        Map<String, Integer> tierOf = new java.util.HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (tierOf.put(nodes.get(i).id(), nodes.get(i).tier()) != null) {
                add("nodes[" + i + "].id", "is used by another node");
            }
        }
        if (!nodes.isEmpty() && nodes.stream().noneMatch(n -> n.tier() == 1)) {
            add("nodes", "at least one node must be in tier 1 (facing end customers)");
        }
        Set<String> buyers = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            Scenario.LinkSpec l = links.get(i);
            Integer b = tierOf.get(l.buyer());
            Integer s = tierOf.get(l.supplier());
            if (b == null) {
                add("links[" + i + "].buyer", "is not a node id");
            }
            if (s == null) {
                add("links[" + i + "].supplier", "is not a node id");
            }
            if (b != null && s != null && s != b + 1) {
                add("links[" + i + "].supplier", "must be in the next tier up (tier " + (b + 1) + "), is in tier " + s);
            }
            if (!buyers.add(l.buyer())) {
                add("links[" + i + "].buyer", "already has a supplier (one supplier per buyer; substitution finds others)");
            }
        }
    }

    private Disruption disruption(String path, Object value, Set<String> nodes, int horizon) {
        Map<?, ?> m = requiredMap(path, value);
        if (m == null) {
            return null;
        }
        String kind = requiredString(path + ".kind", m.get("kind"));
        Integer day = wholeNumber(path + ".day", m.get("day"), 0, Math.max(0, horizon - 1));
        if (kind == null || day == null) {
            return null;
        }
        switch (kind) {
            case "exit" -> {
                unknownKeys(path, m, Set.of("kind", "day", "node", "planned", "notice-days"));
                String node = nodeRef(path + ".node", m.get("node"), nodes);
                boolean planned = bool(path + ".planned", m.get("planned"), false);
                Integer notice = m.get("notice-days") == null ? Integer.valueOf(planned ? 28 : 0) : wholeNumber(path + ".notice-days", m.get("notice-days"), 0, 3650);
                return node == null || notice == null ? null : new Disruption.Exit(node, day, planned, notice);
            }
            case "capacity" -> {
                unknownKeys(path, m, Set.of("kind", "day", "node", "days", "factor"));
                String node = nodeRef(path + ".node", m.get("node"), nodes);
                Integer days = wholeNumber(path + ".days", m.get("days"), 1, 100_000);
                double factor = number(path + ".factor", m.get("factor"), Double.NaN, 0, 10);
                return node == null || days == null || Double.isNaN(factor) ? null : new Disruption.CapacityShock(node, day, days, factor);
            }
            case "transport-delay" -> {
                unknownKeys(path, m, Set.of("kind", "day", "node", "days", "extra-days"));
                String node = nodeRef(path + ".node", m.get("node"), nodes);
                Integer days = wholeNumber(path + ".days", m.get("days"), 1, 100_000);
                Integer extra = wholeNumber(path + ".extra-days", m.get("extra-days"), 1, 365);
                return node == null || days == null || extra == null ? null : new Disruption.TransportDelay(node, day, days, extra);
            }
            case "price" -> {
                unknownKeys(path, m, Set.of("kind", "day", "days", "factor"));
                Integer days = wholeNumber(path + ".days", m.get("days"), 1, 100_000);
                double factor = number(path + ".factor", m.get("factor"), Double.NaN, 0.01, 100);
                return days == null || Double.isNaN(factor) ? null : new Disruption.PriceShock(day, days, factor);
            }
            default -> {
                add(path + ".kind", "must be exit, capacity, transport-delay or price");
                return null;
            }
        }
    }

    private NetworkGenerator.Spec generate(Object value) {
        Map<?, ?> m = requiredMap("generate", value);
        if (m == null) {
            return null;
        }
        unknownKeys("generate", m, Set.of("nodes", "tiers", "demand-mean", "demand-sd", "lead-time", "capacity-factor", "fan-out"));
        Integer n = wholeNumber("generate.nodes", m.get("nodes"), 2, 10_000_000);
        Integer tiers = m.get("tiers") == null ? Integer.valueOf(4) : wholeNumber("generate.tiers", m.get("tiers"), 1, 20);
        double mean = number("generate.demand-mean", m.get("demand-mean"), 100, 0, 1e9);
        double sd = number("generate.demand-sd", m.get("demand-sd"), 20, 0, 1e9);
        Integer lead = m.get("lead-time") == null ? Integer.valueOf(2) : wholeNumber("generate.lead-time", m.get("lead-time"), 1, 365);
        double capacityFactor = number("generate.capacity-factor", m.get("capacity-factor"), 1.5, 0.1, 100);
        double fanOut = number("generate.fan-out", m.get("fan-out"), 2, 1, 100);
        if (n != null && tiers != null && n < tiers) {
            add("generate.nodes", "must be at least the number of tiers (" + tiers + ")");
            return null;
        }
        return n == null || tiers == null || lead == null ? null : new NetworkGenerator.Spec(n, tiers, mean, sd, lead, capacityFactor, fanOut);
    }

    private String nodeRef(String path, Object value, Set<String> nodes) {
        String id = requiredString(path, value);
        if (id != null && !nodes.contains(id)) {
            add(path, "is not a node id");
            return null;
        }
        return id;
    }

    private double number(String path, Object value, double otherwise, double min, double max) {
        if (value == null) {
            if (Double.isNaN(otherwise)) {
                add(path, "is required");
            }
            return otherwise;
        }
        BigDecimal n = requiredNumber(path, value);
        if (n == null) {
            return Double.isNaN(otherwise) ? Double.NaN : otherwise;
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            add(path, "must lie between " + fmt(min) + " and " + fmt(max));
            return Double.isNaN(otherwise) ? Double.NaN : otherwise;
        }
        return d;
    }

    private boolean bool(String path, Object value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        add(path, "must be true or false");
        return otherwise;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Every problem found, for callers that collect rather than throw. */
    static List<Problem> check(String yaml) {
        try {
            parse(yaml, null);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }
}
