package org.hanse.sim;

/** A metric over replications: its mean and the half-width of the 95 % confidence interval (Student t). */
public record Estimate(double mean, double ci95) {

    /** Mean and t_{0.975, n−1} · s / √n over the values, NaN values left out (e.g. a bullwhip without demand variance). */
    public static Estimate of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN);
        }
        double sq = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sq += (v - mean) * (v - mean);
            }
        }
        double s = Math.sqrt(sq / (n - 1));
        return new Estimate(mean, studentT975(n - 1) * s / Math.sqrt(n));
    }

    /** t_{0.975, ν}: exact table to ν = 30, then the Cornish–Fisher expansion around z = 1.959964. */
    static double studentT975(int df) {
        double[] table = {12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281, 2.2010, 2.1788, 2.1604,
            2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484,
            2.0452, 2.0423};
        if (df <= 30) {
            return table[df - 1];
        }
        double z = 1.959964;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
    }
}
