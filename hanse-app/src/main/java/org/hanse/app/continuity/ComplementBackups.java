package org.hanse.app.continuity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.hanse.app.ordering.OrderBook;
import org.hanse.core.relation.Complementarity;
import org.springframework.stereotype.Service;

/**
 * When nobody can substitute a supplier for a material, the backup list names the nodes whose declared resources
 * complement the supplier's (RULES 3.3, 3.9): {@link Complementarity#exitCover} of the supplier's resources — the
 * one making the material when it is declared, else all — by each candidate's redundancy. They are flagged
 * {@code complement}: a lead for the buyer, not a substitute, so no contract net offers them the orders.
 */
@Service
class ComplementBackups {

    private final List<DeclaredResources> resources;
    private final OrderBook orders;
    private final SubstitutionPolicy policy;

    ComplementBackups(List<DeclaredResources> resources, OrderBook orders, SubstitutionPolicy policy) {
        this.resources = resources;
        this.orders = orders;
        this.policy = policy;
    }

    /** A complementing node and its cover of the leaving supplier's load. */
    record Complement(String node, double score) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", node);
            m.put("score", BackupLists.round(score));
            m.put("complement", true);
            return m;
        }
    }

    /**
     * Complements of {@code supplier} for the buyer, best first (ties by node id): nodes {@code allowed} by the list
     * (not excluded, not gone), passing the operator's level and no competitor downstream, with a cover above 0.
     */
    List<Complement> rank(String buyer, String supplier, String material, Predicate<String> allowed) {
        if (resources.isEmpty()) {
            return List.of();
        }
        DeclaredResources declared = resources.get(0);
        List<Complementarity.Resource> leaving = leaving(declared.of(supplier), supplier, material);
        if (leaving.isEmpty()) {
            return List.of();
        }
        Predicate<String> level = policy.passesLevel();
        Set<String> downstream = policy.downstream(buyer, supplier, material);
        List<Complement> found = new ArrayList<>();
        for (String node : declared.declaringNodes()) {
            if (node.equals(buyer) || node.equals(supplier) || !allowed.test(node) || downstream.contains(node) || !level.test(node)) {
                continue;
            }
            double cover = Complementarity.exitCover(leaving, declared.of(node).stream().map(DeclaredResources.Declared::resource).toList());
            if (cover > 0) {
                found.add(new Complement(node, cover));
            }
        }
        found.sort(Comparator.comparingDouble(Complement::score).reversed().thenComparing(Complement::node));
        return found;
    }

    /** The supplier's resource that makes the material, when it declared that one; else all it declared. */
    private List<Complementarity.Resource> leaving(List<DeclaredResources.Declared> all, String supplier, String material) {
        String making = orders.capacityOf(supplier).flatMap(p -> p.capability(material)).map(c -> c.resource()).orElse(null);
        List<DeclaredResources.Declared> chosen = all.stream().filter(d -> d.id().equals(making)).toList();
        return (chosen.isEmpty() ? all : chosen).stream().map(DeclaredResources.Declared::resource).toList();
    }
}
