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
    /** 1 / count and 1 / (count − 1), updated while the window fills: a division per observation is slow on hot paths. */
    private double inverseCount;
    private double inverseCountLessOne;

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
            inverseCount = 1.0 / count;
            inverseCountLessOne = count > 1 ? 1.0 / (count - 1) : 0;
        }
        ring[next] = x;
        sum += x;
        sumSquares += x * x;
        next = next + 1 == ring.length ? 0 : next + 1;
    }

    /** D̂: the mean of the last p observations (0 before any). */
    public double mean() {
        return sum * inverseCount;
    }

    /** σ̂: the sample standard deviation of the last p observations (0 with fewer than two). */
    public double stdDev() {
        return Math.sqrt(variance());
    }

    /** σ̂²: the sample variance of the last p observations (0 with fewer than two). */
    public double variance() {
        double m = sum * inverseCount;
        return Math.max(0, (sumSquares - count * m * m) * inverseCountLessOne);
    }

    public int count() {
        return count;
    }

    public int window() {
        return ring.length;
    }
}
