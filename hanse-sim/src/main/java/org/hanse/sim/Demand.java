package org.hanse.sim;

import java.util.random.RandomGenerator;

/** An end-demand process per day: constant, normal (may go negative only where orders may), Poisson, or a series read from CSV. */
public sealed interface Demand {

    double sample(RandomGenerator random, int day);

    double mean();

    double sd();

    /** Always the same value. */
    record Constant(double value) implements Demand {
        public double sample(RandomGenerator random, int day) {
            return value;
        }

        public double mean() {
            return value;
        }

        public double sd() {
            return 0;
        }
    }

    /** Normal with mean and standard deviation (not truncated: Chen et al. validate with it). */
    record Normal(double mean, double sd) implements Demand {
        public double sample(RandomGenerator random, int day) {
            return mean + sd * random.nextGaussian();
        }
    }

    /** Poisson with the given mean (Knuth's product method below 30, normal approximation above). */
    record Poisson(double mean) implements Demand {
        public double sample(RandomGenerator random, int day) {
            if (mean >= 30) {
                return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            }
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }

        public double sd() {
            return Math.sqrt(mean);
        }
    }

    /** A recorded series, repeated when the horizon is longer. */
    record Series(double[] values) implements Demand {
        public double sample(RandomGenerator random, int day) {
            return values[day % values.length];
        }

        public double mean() {
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return s / values.length;
        }

        public double sd() {
            double m = mean();
            double s = 0;
            for (double v : values) {
                s += (v - m) * (v - m);
            }
            return values.length < 2 ? 0 : Math.sqrt(s / (values.length - 1));
        }
    }
}
