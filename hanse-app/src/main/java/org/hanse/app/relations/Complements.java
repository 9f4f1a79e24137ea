package org.hanse.app.relations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.security.Principal;
import org.hanse.core.relation.Complementarity;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heterogeneous resource complementarity (RULES 3.3). Nodes declare resources (kind, class, parameter ranges,
 * capacity and load a day); a resource that is also a capacity resource of the node adds its accepted orders to the
 * load. Redundancy R = max(0, capacity − load), constraint C = max(0, load − capacity). A node's constraints are
 * matched to other nodes' redundant resources of the same class whose ranges contain the needed ones:
 * score = min(R_b, C_a) / C_a × (share of parameters satisfied). A pair whose declared asset specificity lies outside
 * 0.1 ≤ σ ≤ 0.4 + 0.5 · (1 − e^(−f)) (f = orders a week between them) is excluded, with the reason.
 */
@Service
class Complements {

    static final Set<String> KINDS = Set.of("equipment", "storage", "skill");

    private final JdbcClient jdbc;
    private final OrderBook orders;
    private final JsonMapper json;
    private final Clock clock;

    Complements(JdbcClient jdbc, OrderBook orders, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.json = json;
        this.clock = clock;
    }

    /** A declared resource. */
    record Resource(String id, String kind, String className, Map<String, List<Double>> ranges, Double capacity, Double load) {
    }

    /** A resource with its derived redundancy and constraint. */
    record Derived(String node, String id, String kind, String className, Map<String, Complementarity.Range> ranges, double capacity, double load) {
        double redundancy() {
            return Complementarity.redundancy(capacity, load);
        }

        double constraint() {
            return Complementarity.constraint(capacity, load);
        }
    }

    /** Bounds of a technical parameter range (millimetres, kilograms, …): finite and of sane size. */
    static final Numbers.Range PARAMETER = Numbers.Range.of(-1e9, 1e9);

    @Transactional
    List<Map<String, Object>> declare(String node, List<Resource> resources, Principal principal) {
        principal.requireSelfOrOperator(node);
        List<Problem> problems = new ArrayList<>();
        if (resources == null) {
            throw new InvalidInputException("", "must be a list of resources");
        }
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            String at = "[" + i + "]";
            if (r.id() == null || r.id().isBlank() || !ids.add(r.id())) {
                problems.add(new Problem(at + ".id", "is required and unique"));
            }
            if (r.kind() == null || !KINDS.contains(r.kind())) {
                problems.add(new Problem(at + ".kind", "must be equipment, storage or skill"));
            }
            if (r.className() == null || r.className().isBlank()) {
                problems.add(new Problem(at + ".className", "is required, e.g. cnc-milling"));
            }
            if (r.capacity() == null || r.capacity() < 0) {
                problems.add(new Problem(at + ".capacity", "must be a number ≥ 0 (units a day)"));
            } else {
                Numbers.check(at + ".capacity", r.capacity(), Numbers.RATE, problems);
            }
            if (r.load() == null || r.load() < 0) {
                problems.add(new Problem(at + ".load", "must be a number ≥ 0 (units a day)"));
            } else {
                Numbers.check(at + ".load", r.load(), Numbers.RATE, problems);
            }
            if (r.ranges() != null) {
                r.ranges().forEach((name, range) -> {
                    if (range == null || range.size() != 2 || range.get(0) == null || range.get(1) == null || range.get(0) > range.get(1)) {
                        problems.add(new Problem(at + ".ranges." + name, "must be [min, max] with min ≤ max"));
                    } else {
                        Numbers.check(at + ".ranges." + name + "[0]", range.get(0), PARAMETER, problems);
                        Numbers.check(at + ".ranges." + name + "[1]", range.get(1), PARAMETER, problems);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("DELETE FROM node_resource WHERE node_id = ?").param(node).update();
        for (Resource r : resources) {
            jdbc.sql("INSERT INTO node_resource (node_id, resource_id, kind, class_name, ranges_json, capacity, declared_load) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(node, r.id(), r.kind(), r.className(), json.writeValueAsString(r.ranges() == null ? Map.of() : r.ranges()), r.capacity(), r.load())
                    .update();
        }
        return derived(node).stream().map(Complements::json).toList();
    }

    /** The node's resources with accepted orders added to the load where a capacity resource has the same id. */
    List<Derived> derived(String node) {
        Instant now = clock.instant();
        var profile = orders.capacityOf(node);
        return jdbc.sql("SELECT * FROM node_resource WHERE node_id = ? ORDER BY resource_id").param(node).query((rs, n) -> {
            Map<String, List<Double>> raw = json.readValue(rs.getString("ranges_json"), new TypeReference<Map<String, List<Double>>>() { });
            Map<String, Complementarity.Range> ranges = new LinkedHashMap<>();
            raw.forEach((k, v) -> ranges.put(k, new Complementarity.Range(v.get(0), v.get(1))));
            String id = rs.getString("resource_id");
            double load = rs.getDouble("declared_load");
            // Accepted orders: committed hours a day over the next week × the rate of what the resource makes.
            if (profile.isPresent() && profile.get().resource(id).isPresent()) {
                double rate = profile.get().capabilities().stream().filter(c -> c.resource().equals(id)).mapToDouble(c -> c.ratePerHour()).max().orElse(0);
                load += orders.committedHoursPerDay(node, id, now, 7) * rate;
            }
            return new Derived(node, id, rs.getString("kind"), rs.getString("class_name"), ranges, rs.getDouble("capacity"), load);
        }).list();
    }

    /** Every node that declares resources, sorted. */
    List<String> declaringNodes() {
        return jdbc.sql("SELECT DISTINCT node_id FROM node_resource ORDER BY node_id").query(String.class).list();
    }

    /** Nodes whose redundancy covers this node's constraints, best first, each score broken down; inadmissible pairs listed apart. */
    Map<String, Object> complements(String node, Principal principal) {
        principal.requireSelfOrOperator(node);
        List<Derived> mine = derived(node);
        List<String> others = jdbc.sql("SELECT DISTINCT node_id FROM node_resource WHERE node_id <> ? ORDER BY node_id").param(node).query(String.class).list();
        List<Map<String, Object>> matches = new ArrayList<>();
        List<Map<String, Object>> excluded = new ArrayList<>();
        for (Derived need : mine) {
            if (need.constraint() <= 0) {
                continue;
            }
            for (String other : others) {
                for (Derived offer : derived(other)) {
                    if (!offer.className().equals(need.className()) || offer.redundancy() <= 0) {
                        continue;
                    }
                    double score = Complementarity.score(offer.redundancy(), need.constraint(), need.ranges(), offer.ranges());
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("node", other);
                    m.put("resource", offer.id());
                    m.put("forResource", need.id());
                    m.put("className", need.className());
                    m.put("constraint", round(need.constraint()));
                    m.put("redundancy", round(offer.redundancy()));
                    m.put("covered", round(Math.min(offer.redundancy(), need.constraint()) / need.constraint()));
                    m.put("parametersSatisfied", round(score == 0 ? 0 : score / (Math.min(offer.redundancy(), need.constraint()) / need.constraint())));
                    m.put("score", round(score));
                    Double sigma = specificity(node, other);
                    if (sigma != null) {
                        double perWeek = orders.pairVolume(node, other, clock.instant().minus(java.time.Duration.ofDays(28))).orders() / 4.0
                                + orders.pairVolume(other, node, clock.instant().minus(java.time.Duration.ofDays(28))).orders() / 4.0;
                        var problem = Complementarity.specificityProblem(sigma, perWeek);
                        if (problem.isPresent()) {
                            m.put("reason", problem.get());
                            excluded.add(m);
                            continue;
                        }
                    }
                    if (score > 0) {
                        matches.add(m);
                    }
                }
            }
        }
        matches.sort(Comparator.comparing((Map<String, Object> m) -> -((Number) m.get("score")).doubleValue()).thenComparing(m -> (String) m.get("node")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node", node);
        out.put("resources", mine.stream().map(Complements::json).toList());
        out.put("complements", matches);
        out.put("excluded", excluded);
        return out;
    }

    private Double specificity(String a, String b) {
        return jdbc.sql("SELECT specificity FROM pair_setting WHERE ((buyer_id = ? AND supplier_id = ?) OR (buyer_id = ? AND supplier_id = ?)) AND specificity IS NOT NULL")
                .params(a, b, b, a).query(Double.class).list().stream().findFirst().orElse(null);
    }

    static Map<String, Object> json(Derived d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("kind", d.kind());
        m.put("className", d.className());
        m.put("capacity", round(d.capacity()));
        m.put("load", round(d.load()));
        m.put("redundancy", round(d.redundancy()));
        m.put("constraint", round(d.constraint()));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
