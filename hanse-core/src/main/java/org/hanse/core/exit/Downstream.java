package org.hanse.core.exit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The buyer's competitors downstream of a leaving supplier (RULES 3.9), never backups: every node that takes the
 * material from the original supplier, the buyer itself, and every node reached from them through further accepted
 * links of any material (it buys the material, or what is made from it, from the same source). Their supply runs
 * through the leaving supplier, so they cannot replace it — a retailer of a manufacturer's product is one of them.
 */
public final class Downstream {

    private Downstream() {
    }

    /** An accepted link: the buyer takes the materials from the supplier. */
    public record Supply(String buyer, String supplier, Collection<String> materials) {
    }

    /** The nodes downstream of {@code supplier}'s supply of {@code material}, the buyer included (the supplier only through a cycle). */
    public static Set<String> of(Collection<Supply> links, String supplier, String buyer, String material) {
        Map<String, List<String>> buyersOf = new HashMap<>();
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        reached.add(buyer);
        todo.add(buyer);
        for (Supply l : links) {
            buyersOf.computeIfAbsent(l.supplier(), k -> new ArrayList<>()).add(l.buyer());
            if (l.supplier().equals(supplier) && l.materials().contains(material) && reached.add(l.buyer())) {
                todo.add(l.buyer());
            }
        }
        // Past the first tier any material counts: what a downstream node sells may be made from the material.
        while (!todo.isEmpty()) {
            for (String next : buyersOf.getOrDefault(todo.poll(), List.of())) {
                if (reached.add(next)) {
                    todo.add(next);
                }
            }
        }
        return reached;
    }
}
