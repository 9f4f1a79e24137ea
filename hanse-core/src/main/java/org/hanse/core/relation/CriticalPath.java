package org.hanse.core.relation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The critical path toward a finished-goods node (DESIGN 3.4): edge weight c_e = (v_e / v_max) · τ_e with
 * τ_e = 1 − min(1, slack_e / leadtime_e) (0.5 when unknown); the maximum-weight source → target path of the supply
 * DAG, in linear time (topological order). Ties go to the lexicographically smaller predecessor.
 */
public final class CriticalPath {

    private CriticalPath() {
    }

    /** A supply edge from → to with its 90-day volume and its time sensitivity τ. */
    public record Edge(String from, String to, double volume, double tau) {
    }

    /** τ = 1 − min(1, slack / lead time), 0.5 when either is unknown. */
    public static double tau(Double slackDays, Double leadTimeDays) {
        if (slackDays == null || leadTimeDays == null || leadTimeDays <= 0) {
            return 0.5;
        }
        return 1 - Math.min(1, Math.max(0, slackDays) / leadTimeDays);
    }

    /** The path and its total weight. */
    public record Path(List<String> nodes, double weight) {
    }

    public static Path toward(String target, List<Edge> edges) {
        return towardAll(List.of(target), edges).get(target);
    }

    /** The critical path toward each target, from one pass over the DAG (linear in its size). */
    public static Map<String, Path> towardAll(java.util.Collection<String> targets, List<Edge> edges) {
        double vMax = edges.stream().mapToDouble(Edge::volume).max().orElse(1);
        Map<String, List<Edge>> out = new TreeMap<>();
        Map<String, Integer> indegree = new TreeMap<>();
        for (Edge e : edges) {
            out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
            indegree.merge(e.to(), 1, Integer::sum);
            indegree.putIfAbsent(e.from(), 0);
        }
        Deque<String> ready = new ArrayDeque<>();
        indegree.forEach((n, d) -> {
            if (d == 0) {
                ready.add(n);
            }
        });
        Map<String, Double> best = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        indegree.keySet().forEach(n -> best.put(n, 0.0));
        int visited = 0;
        while (!ready.isEmpty()) {
            String n = ready.poll();
            visited++;
            List<Edge> next = new ArrayList<>(out.getOrDefault(n, List.of()));
            next.sort(Comparator.comparing(Edge::to));
            for (Edge e : next) {
                double w = best.get(n) + (e.volume() / vMax) * e.tau();
                String prev = previous.get(e.to());
                if (w > best.get(e.to()) + 1e-12 || (Math.abs(w - best.get(e.to())) <= 1e-12 && (prev == null || n.compareTo(prev) < 0))) {
                    best.put(e.to(), w);
                    previous.put(e.to(), n);
                }
                if (indegree.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        if (visited != indegree.size()) {
            throw new IllegalArgumentException("the supply graph has a cycle");
        }
        Map<String, Path> paths = new java.util.LinkedHashMap<>();
        for (String target : targets) {
            List<String> path = new ArrayList<>();
            for (String n = target; n != null; n = previous.get(n)) {
                path.add(n);
            }
            Collections.reverse(path);
            paths.put(target, new Path(path, best.getOrDefault(target, 0.0)));
        }
        return paths;
    }
}
