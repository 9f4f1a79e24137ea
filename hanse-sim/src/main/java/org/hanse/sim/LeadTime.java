package org.hanse.sim;

import java.util.random.RandomGenerator;

/** Replenishment lead time in whole days: constant, uniform between two bounds, or normal (rounded, at least 1 day). */
public sealed interface LeadTime {

    int sample(RandomGenerator random);

    /** The longest lead time this can draw (sizes the pipeline). */
    int max();

    double mean();

    double sd();

    /** Always the same number of days. */
    record Constant(int days) implements LeadTime {
        public int sample(RandomGenerator random) {
            return days;
        }

        public int max() {
            return days;
        }

        public double mean() {
            return days;
        }

        public double sd() {
            return 0;
        }
    }

    /** Uniform over [min, max] days. */
    record Uniform(int min, int maxDays) implements LeadTime {
        public int sample(RandomGenerator random) {
            return min + random.nextInt(maxDays - min + 1);
        }

        public int max() {
            return maxDays;
        }

        public double mean() {
            return (min + maxDays) / 2.0;
        }

        public double sd() {
            int n = maxDays - min + 1;
            return Math.sqrt((n * (double) n - 1) / 12);
        }
    }

    /** Normal, rounded to whole days and kept within [1, mean + 4 sd]. */
    record Normal(double meanDays, double sdDays) implements LeadTime {
        public int sample(RandomGenerator random) {
            long d = Math.round(meanDays + sdDays * random.nextGaussian());
            return (int) Math.max(1, Math.min(max(), d));
        }

        public int max() {
            return (int) Math.ceil(meanDays + 4 * sdDays);
        }

        public double mean() {
            return meanDays;
        }

        public double sd() {
            return sdDays;
        }
    }
}
