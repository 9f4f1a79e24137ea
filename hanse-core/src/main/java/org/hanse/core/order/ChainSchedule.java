package org.hanse.core.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backward derivation and forward pass over an order chain (RULES 3.5). The chain is a tree: the root is
 * the supplier of the buyer's order; each child supplies its parent. Backward from the buyer's due date:
 * LF_k = LS_parent − transit_k (root: D − transit), LS_k = LF_k − proc_k. Forward from now:
 * ES_k = max(now, max over children of EF_child + transit_child), EF_k = max(ES_k + proc_k, the capacity's
 * earliest finish, an actual finish once reported). Slack = LF − EF (= LS − ES unless capacity or an actual
 * finish pushed EF). Any negative slack makes the chain infeasible; the bottleneck is the node with the
 * least slack, the longest processing among ties, then the deepest.
 */
public final class ChainSchedule {

    /** Minimum tolerance for a finish deviation before the later nodes reconstruct their sequence. */
    public static final Duration MIN_TOLERANCE = Duration.ofHours(2);

    private ChainSchedule() {
    }

    /** One node's work for the chain; {@code capacityEarliestFinish} and {@code actualFinish} may be null. */
    public record Step(String key, String node, String parentKey, Duration processing, Duration transitToParent,
                       Instant capacityEarliestFinish, Instant actualFinish) {

        public Step withActualFinish(Instant finish) {
            return new Step(key, node, parentKey, processing, transitToParent, capacityEarliestFinish, finish);
        }
    }

    /** Computed times of one step. */
    public record Timing(String key, String node, int depth, Instant es, Instant ef, Instant ls, Instant lf, Duration slack) {
    }

    /** The whole schedule; {@code bottleneck} is set only when the chain is infeasible. */
    public record Result(List<Timing> timings, boolean feasible, Timing bottleneck) {

        public Timing timing(String key) {
            return timings.stream().filter(t -> t.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no step " + key));
        }

        public Duration minSlack() {
            return timings.stream().map(Timing::slack).min(Comparator.naturalOrder()).orElse(Duration.ZERO);
        }
    }

    public static Result compute(List<Step> steps, Instant due, Instant now) {
        Map<String, Step> byKey = new LinkedHashMap<>();
        Map<String, List<Step>> children = new HashMap<>();
        Step root = null;
        for (Step s : steps) {
            byKey.put(s.key(), s);
            if (s.parentKey() == null) {
                if (root != null) {
                    throw new IllegalArgumentException("a chain has exactly one root");
                }
                root = s;
            } else {
                children.computeIfAbsent(s.parentKey(), k -> new ArrayList<>()).add(s);
            }
        }
        if (root == null) {
            throw new IllegalArgumentException("a chain needs a root step");
        }
        Map<String, Instant> lf = new HashMap<>();
        Map<String, Instant> ls = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        backward(root, due.minus(root.transitToParent()), 0, children, lf, ls, depth);
        Map<String, Instant> es = new HashMap<>();
        Map<String, Instant> ef = new HashMap<>();
        forward(root, now, children, es, ef);

        List<Timing> timings = new ArrayList<>();
        for (Step s : steps) {
            timings.add(new Timing(s.key(), s.node(), depth.get(s.key()), es.get(s.key()), ef.get(s.key()),
                    ls.get(s.key()), lf.get(s.key()), Duration.between(ef.get(s.key()), lf.get(s.key()))));
        }
        Timing bottleneck = timings.stream()
                .min(Comparator.comparing(Timing::slack)
                        .thenComparing(t -> byKey.get(t.key()).processing(), Comparator.reverseOrder())
                        .thenComparing(Timing::depth, Comparator.reverseOrder()))
                .orElseThrow();
        boolean feasible = bottleneck.slack().compareTo(Duration.ZERO) >= 0;
        return new Result(timings, feasible, feasible ? null : bottleneck);
    }

    /** Deviation of an actual finish from the planned one (positive = late). */
    public static Duration deviation(Instant actualFinish, Instant plannedFinish) {
        return Duration.between(plannedFinish, actualFinish);
    }

    /** Tolerance = max(2 h, 0.5 × slack of the next node); a negative slack leaves the 2 h minimum. */
    public static Duration tolerance(Duration slackOfNext) {
        Duration half = slackOfNext.dividedBy(2);
        return half.compareTo(MIN_TOLERANCE) > 0 ? half : MIN_TOLERANCE;
    }

    /** Whether a deviation is beyond tolerance, so the later nodes must reconstruct their sequence. */
    public static boolean beyondTolerance(Duration deviation, Duration tolerance) {
        return deviation.abs().compareTo(tolerance) > 0;
    }

    private static void backward(Step step, Instant latestFinish, int d, Map<String, List<Step>> children,
                                 Map<String, Instant> lf, Map<String, Instant> ls, Map<String, Integer> depth) {
        lf.put(step.key(), latestFinish);
        Instant latestStart = latestFinish.minus(step.processing());
        ls.put(step.key(), latestStart);
        depth.put(step.key(), d);
        for (Step child : children.getOrDefault(step.key(), List.of())) {
            backward(child, latestStart.minus(child.transitToParent()), d + 1, children, lf, ls, depth);
        }
    }

    private static void forward(Step step, Instant now, Map<String, List<Step>> children,
                                Map<String, Instant> es, Map<String, Instant> ef) {
        Instant start = now;
        for (Step child : children.getOrDefault(step.key(), List.of())) {
            forward(child, now, children, es, ef);
            Instant arrival = ef.get(child.key()).plus(child.transitToParent());
            if (arrival.isAfter(start)) {
                start = arrival;
            }
        }
        Instant finish = start.plus(step.processing());
        if (step.capacityEarliestFinish() != null && step.capacityEarliestFinish().isAfter(finish)) {
            finish = step.capacityEarliestFinish();
        }
        if (step.actualFinish() != null) {
            finish = step.actualFinish();
            start = finish.minus(step.processing());
        }
        es.put(step.key(), start);
        ef.put(step.key(), finish);
    }
}
