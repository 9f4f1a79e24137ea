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
 * The critical path toward a finished-goods node (RULES 3.4): edge weight c_e = (v_e / v_max) · τ_e with
 * τ_e = 1 − min(1, slack_e / leadtime_e) (0.5 when unknown); the maximum-weight source → target path of the supply
 * graph, in linear time (topological order). Ties go to the lexicographically smaller predecessor.
 *
 * <p>Real networks are not always acyclic (A buys from B and B from A, or a ring of three). Edges inside a strongly
 * connected component carry no "before" relation, so they are left out of the longest path and the components are
 * reported by {@link #cycles}; the rest of the graph is a DAG and keeps its paths. Without any volume (v_max = 0)
 * every share is 0, never NaN.
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
    public static Map<String, Path> towardAll(java.util.Collection<String> targets, List<Edge> all) {
        double vMax = all.stream().mapToDouble(Edge::volume).max().orElse(0);
        Map<String, Integer> component = components(all);
        List<Edge> edges = all.stream().filter(e -> !component.get(e.from()).equals(component.get(e.to()))).toList();
        Map<String, List<Edge>> out = new TreeMap<>();
        Map<String, Integer> indegree = new TreeMap<>();
        all.forEach(e -> {
            indegree.putIfAbsent(e.from(), 0);
            indegree.putIfAbsent(e.to(), 0);
        });
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
                double w = best.get(n) + (vMax > 0 ? e.volume() / vMax : 0) * e.tau();
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
            throw new IllegalStateException("edges between components must form a DAG");
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

    /** The supply cycles: every strongly connected component of more than one node (or a node supplying itself), sorted. */
    public static List<List<String>> cycles(List<Edge> edges) {
        Map<String, Integer> component = components(edges);
        Map<Integer, List<String>> members = new TreeMap<>();
        component.forEach((n, c) -> members.computeIfAbsent(c, k -> new ArrayList<>()).add(n));
        java.util.Set<String> selfSupplying = new java.util.HashSet<>();
        edges.stream().filter(e -> e.from().equals(e.to())).forEach(e -> selfSupplying.add(e.from()));
        List<List<String>> out = new ArrayList<>();
        for (List<String> m : members.values()) {
            if (m.size() > 1 || selfSupplying.contains(m.get(0))) {
                out.add(m.stream().sorted().toList());
            }
        }
        out.sort(Comparator.comparing((List<String> c) -> c.get(0)));
        return out;
    }

    /** Strongly connected components (Tarjan, iterative so deep chains cannot overflow the stack): node → component number. */
    static Map<String, Integer> components(List<Edge> edges) {
        Map<String, List<String>> next = new TreeMap<>();
        for (Edge e : edges) {
            next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            next.computeIfAbsent(e.to(), k -> new ArrayList<>());
        }
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        java.util.Set<String> onStack = new java.util.HashSet<>();
        int counter = 0;
        int components = 0;
        for (String root : next.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<String[]> work = new ArrayDeque<>();
            Deque<java.util.Iterator<String>> iterators = new ArrayDeque<>();
            index.put(root, counter);
            low.put(root, counter++);
            stack.push(root);
            onStack.add(root);
            work.push(new String[] {root});
            iterators.push(next.get(root).iterator());
            while (!work.isEmpty()) {
                String n = work.peek()[0];
                java.util.Iterator<String> it = iterators.peek();
                if (it.hasNext()) {
                    String m = it.next();
                    if (!index.containsKey(m)) {
                        index.put(m, counter);
                        low.put(m, counter++);
                        stack.push(m);
                        onStack.add(m);
                        work.push(new String[] {m});
                        iterators.push(next.get(m).iterator());
                    } else if (onStack.contains(m)) {
                        low.put(n, Math.min(low.get(n), index.get(m)));
                    }
                    continue;
                }
                work.pop();
                iterators.pop();
                if (low.get(n).equals(index.get(n))) {
                    String m;
                    do {
                        m = stack.pop();
                        onStack.remove(m);
                        component.put(m, components);
                    } while (!m.equals(n));
                    components++;
                }
                if (!work.isEmpty()) {
                    String parent = work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(n)));
                }
            }
        }
        return component;
    }
}
