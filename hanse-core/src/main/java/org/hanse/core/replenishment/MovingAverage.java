package org.hanse.core.replenishment;

/**
 * The p-period moving average of observed demand (and its sample standard deviation), kept in O(1) per observation.
 * Until p observations have been seen it averages those it has. A small mutable state machine: one per node and stream.
 */
public final class MovingAverage {

    private final double[] ring;
    private int next;
    private int count;
    private double sum;
    private double sumSquares;

    public MovingAverage(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("the moving-average window p must be at least 1");
        }
        this.ring = new double[p];
    }

    /** Adds an observation, dropping the one p observations ago. */
    public void add(double x) {
        if (count == ring.length) {
            double old = ring[next];
            sum -= old;
            sumSquares -= old * old;
        } else {
            count++;
        }
        ring[next] = x;
        sum += x;
        sumSquares += x * x;
        next = next + 1 == ring.length ? 0 : next + 1;
    }

    /** D̂: the mean of the last p observations (0 before any). */
    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    /** σ̂: the sample standard deviation of the last p observations (0 with fewer than two). */
    public double stdDev() {
        if (count < 2) {
            return 0;
        }
        double m = sum / count;
        return Math.sqrt(Math.max(0, (sumSquares - count * m * m) / (count - 1)));
    }

    public int count() {
        return count;
    }

    public int window() {
        return ring.length;
    }
}
