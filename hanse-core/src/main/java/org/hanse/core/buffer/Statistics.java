package org.hanse.core.buffer;

import java.util.List;

/** Mean and sample standard deviation (n − 1) of a series; a series of fewer than two values has σ = 0. */
public record Statistics(double mean, double stdDev, int count) {

    public static final Statistics NONE = new Statistics(0, 0, 0);

    public static Statistics of(List<Double> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.size();
        if (values.size() < 2) {
            return new Statistics(mean, 0, values.size());
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Statistics(mean, Math.sqrt(squares / (values.size() - 1)), values.size());
    }
}
