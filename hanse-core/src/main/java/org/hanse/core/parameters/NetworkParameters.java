package org.hanse.core.parameters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.core.trust.Dimensions;

/**
 * Every network-level rule parameter with its default (RULES "Network parameters"): the single home of the values
 * the rules of hanse-core, the server and the simulator use. Grouped by mechanism; {@link #SPECS} names each one by
 * its path in the YAML/JSON tree, with range and whether a pair may negotiate it.
 */
public record NetworkParameters(DensityParameters density, OrderingParameters ordering, TrustParameters trust,
                                PaymentParameters payment, ExitParameters exit, TransmissionParameters transmission) {

    /** Transaction density and relationship classes (RULES 3.2). */
    public record DensityParameters(int windowDays, double frequencyWeight, double amountWeight, double referenceIntervalDays,
                                    double theta1, double theta2Base, double hysteresis, double maxSupplierShare) {
        /** f_ref in orders per day. */
        public double referenceFrequency() {
            return 1 / referenceIntervalDays;
        }

        public Duration window() {
            return Duration.ofDays(windowDays);
        }
    }

    /** Order decisions (RULES 3.5). */
    public record OrderingParameters(double thetaU) {
    }

    /** Trust from reciprocity and the sharing level (RULES 3.8). */
    public record TrustParameters(int minWindowDays, int maxWindowDays, double pi0, double pollingBelow, double realTimeFrom,
                                  double reciprocityCap, Dimensions promised, Dimensions weights) {
    }

    /** Logistics–capital synchronisation (RULES 3.7). */
    public record PaymentParameters(int graceDays, int creditWindowDays, double realignmentBelow, double rhythmAbove) {
    }

    /** Exit and substitution (RULES 3.9). */
    public record ExitParameters(int plannedCycles, int defaultCycleDays, double similarityWeight, double proximityWeight) {
    }

    /** Multi-level transmission (RULES 3.4). */
    public record TransmissionParameters(int maxHops) {
    }

    /** One parameter: its path, default, inclusive range, whether whole, whether a pair may negotiate it. */
    public record Spec(String path, double defaultValue, double min, double max, boolean whole, boolean perPair) {
    }

    /** Every parameter, in the order of the tree. */
    public static final List<Spec> SPECS = List.of(
            new Spec("density.window-days", 90, 7, 730, true, false),
            new Spec("density.frequency-weight", 0.5, 0, 1, false, false),
            new Spec("density.amount-weight", 0.5, 0, 1, false, false),
            new Spec("density.reference-interval-days", 7, 0.1, 365, false, false),
            new Spec("density.theta1", 0.5, 0.01, 100, false, false),
            new Spec("density.theta2-base", 3.0, 0.01, 100, false, false),
            new Spec("density.hysteresis", 0.05, 0, 0.5, false, false),
            new Spec("density.max-supplier-share", 0.6, 0.05, 1, false, false),
            new Spec("ordering.theta-u", 0.6, 0.01, 100, false, false),
            new Spec("trust.min-window-days", 14, 1, 3650, true, false),
            new Spec("trust.max-window-days", 365, 1, 3650, true, false),
            new Spec("trust.pi0", 0.5, 0, 1, false, false),
            new Spec("trust.polling-below", 0.8, 0, 1.5, false, false),
            new Spec("trust.real-time-from", 0.95, 0, 1.5, false, false),
            new Spec("trust.reciprocity-cap", 1.5, 1, 10, false, false),
            new Spec("trust.promised.punctuality", 0.95, 0.01, 1, false, true),
            new Spec("trust.promised.qualified", 0.98, 0.01, 1, false, true),
            new Spec("trust.promised.information", 0.95, 0.01, 1, false, true),
            new Spec("trust.weights.punctuality", 0.4, 0, 1, false, true),
            new Spec("trust.weights.qualified", 0.4, 0, 1, false, true),
            new Spec("trust.weights.information", 0.2, 0, 1, false, true),
            new Spec("payment.grace-days", 2, 0, 90, true, false),
            new Spec("payment.credit-window-days", 180, 7, 1825, true, false),
            new Spec("payment.realignment-below", 0.9, 0.01, 100, false, false),
            new Spec("payment.rhythm-above", 1.1, 0.01, 100, false, false),
            new Spec("exit.planned-cycles", 3, 1, 52, true, false),
            new Spec("exit.default-cycle-days", 7, 1, 365, true, false),
            new Spec("exit.similarity-weight", 0.6, 0, 1, false, false),
            new Spec("exit.proximity-weight", 0.4, 0, 1, false, false),
            new Spec("transmission.max-hops", 4, 1, 16, true, false));

    /** The defaults of every parameter. */
    public static final NetworkParameters DEFAULTS = of(defaultValues());

    /** The default of one parameter (reads only {@link #SPECS}, so classes holding defaults may use it while this one loads). */
    public static double defaultOf(String path) {
        return SPECS.stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow().defaultValue();
    }

    /** Path → default value. */
    public static Map<String, Double> defaultValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        SPECS.forEach(s -> values.put(s.path(), s.defaultValue()));
        return values;
    }

    /** The parameters from path → value (every path of {@link #SPECS}; values already checked by the reader). */
    public static NetworkParameters of(Map<String, Double> v) {
        return new NetworkParameters(
                new DensityParameters(whole(v, "density.window-days"), v.get("density.frequency-weight"), v.get("density.amount-weight"),
                        v.get("density.reference-interval-days"), v.get("density.theta1"), v.get("density.theta2-base"),
                        v.get("density.hysteresis"), v.get("density.max-supplier-share")),
                new OrderingParameters(v.get("ordering.theta-u")),
                new TrustParameters(whole(v, "trust.min-window-days"), whole(v, "trust.max-window-days"), v.get("trust.pi0"),
                        v.get("trust.polling-below"), v.get("trust.real-time-from"), v.get("trust.reciprocity-cap"),
                        new Dimensions(v.get("trust.promised.punctuality"), v.get("trust.promised.qualified"), v.get("trust.promised.information")),
                        new Dimensions(v.get("trust.weights.punctuality"), v.get("trust.weights.qualified"), v.get("trust.weights.information"))),
                new PaymentParameters(whole(v, "payment.grace-days"), whole(v, "payment.credit-window-days"),
                        v.get("payment.realignment-below"), v.get("payment.rhythm-above")),
                new ExitParameters(whole(v, "exit.planned-cycles"), whole(v, "exit.default-cycle-days"),
                        v.get("exit.similarity-weight"), v.get("exit.proximity-weight")),
                new TransmissionParameters(whole(v, "transmission.max-hops")));
    }

    private static int whole(Map<String, Double> v, String path) {
        return (int) Math.round(v.get(path));
    }

    /** Path → value, the inverse of {@link #of}. */
    public Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("density.window-days", (double) density.windowDays());
        v.put("density.frequency-weight", density.frequencyWeight());
        v.put("density.amount-weight", density.amountWeight());
        v.put("density.reference-interval-days", density.referenceIntervalDays());
        v.put("density.theta1", density.theta1());
        v.put("density.theta2-base", density.theta2Base());
        v.put("density.hysteresis", density.hysteresis());
        v.put("density.max-supplier-share", density.maxSupplierShare());
        v.put("ordering.theta-u", ordering.thetaU());
        v.put("trust.min-window-days", (double) trust.minWindowDays());
        v.put("trust.max-window-days", (double) trust.maxWindowDays());
        v.put("trust.pi0", trust.pi0());
        v.put("trust.polling-below", trust.pollingBelow());
        v.put("trust.real-time-from", trust.realTimeFrom());
        v.put("trust.reciprocity-cap", trust.reciprocityCap());
        v.put("trust.promised.punctuality", trust.promised().punctuality());
        v.put("trust.promised.qualified", trust.promised().qualified());
        v.put("trust.promised.information", trust.promised().information());
        v.put("trust.weights.punctuality", trust.weights().punctuality());
        v.put("trust.weights.qualified", trust.weights().qualified());
        v.put("trust.weights.information", trust.weights().information());
        v.put("payment.grace-days", (double) payment.graceDays());
        v.put("payment.credit-window-days", (double) payment.creditWindowDays());
        v.put("payment.realignment-below", payment.realignmentBelow());
        v.put("payment.rhythm-above", payment.rhythmAbove());
        v.put("exit.planned-cycles", (double) exit.plannedCycles());
        v.put("exit.default-cycle-days", (double) exit.defaultCycleDays());
        v.put("exit.similarity-weight", exit.similarityWeight());
        v.put("exit.proximity-weight", exit.proximityWeight());
        v.put("transmission.max-hops", (double) transmission.maxHops());
        return v;
    }

    /** The canonical tree (nested maps, whole numbers as integers), as written to YAML or JSON. */
    public Map<String, Object> toTree() {
        return ParameterTrees.nest(values(), SPECS);
    }

    /** The tree of some parameters given by path (e.g. a pair's negotiated values). */
    public static Map<String, Object> treeOf(Map<String, Double> values) {
        return ParameterTrees.nest(values, SPECS);
    }

    /** These parameters with a pair's negotiated values in place (already checked against this set by the reader). */
    public NetworkParameters withPair(Map<String, Double> pairValues) {
        Map<String, Double> merged = values();
        merged.putAll(pairValues);
        return of(merged);
    }
}
