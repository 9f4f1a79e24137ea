package org.hanse.core.trust;

/**
 * Values for the three trust dimensions — punctuality, qualified rate, information accuracy — used for
 * measured qualities, promised levels P and weights w alike.
 */
public record Dimensions(double punctuality, double qualified, double information) {

    /** Promised levels when a pair has not agreed others: 0.95, 0.98, 0.95. */
    public static final Dimensions DEFAULT_PROMISED = defaults("trust.promised.");
    /** Weights when a pair has not agreed others: 0.4, 0.4, 0.2. */
    public static final Dimensions DEFAULT_WEIGHTS = defaults("trust.weights.");

    // Through NetworkParameters.defaultOf, not DEFAULTS: that record builds Dimensions itself while it loads.
    private static Dimensions defaults(String prefix) {
        return new Dimensions(org.hanse.core.parameters.NetworkParameters.defaultOf(prefix + "punctuality"),
                org.hanse.core.parameters.NetworkParameters.defaultOf(prefix + "qualified"),
                org.hanse.core.parameters.NetworkParameters.defaultOf(prefix + "information"));
    }

    /** Weights must lie in [0, 1] and sum to 1 (within 1e-9); empty when they do, else the reason. */
    public java.util.Optional<String> weightProblem() {
        for (double w : new double[] {punctuality, qualified, information}) {
            if (w < 0 || w > 1 || Double.isNaN(w)) {
                return java.util.Optional.of("each weight must lie in [0, 1]");
            }
        }
        double sum = punctuality + qualified + information;
        return Math.abs(sum - 1) > 1e-9 ? java.util.Optional.of("weights must sum to 1, not " + sum) : java.util.Optional.empty();
    }
}
