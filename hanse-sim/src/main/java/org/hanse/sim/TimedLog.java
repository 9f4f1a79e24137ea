package org.hanse.sim;

import java.util.Arrays;

/**
 * A pair's history as parallel arrays, oldest first: a time in epoch seconds and either a value (a rated delivery: r) or
 * a second time (a settlement: when paid, then when due). Entries that fall out of every window are dropped when the
 * arrays are full, before they grow, so a history is bounded by its window, not by the length of the run.
 */
final class TimedLog {

    long[] at;
    double[] value;
    long[] other;
    int size;

    /** A log of timed values ({@code pairs} false) or of time pairs ({@code pairs} true). */
    TimedLog(int capacity, boolean pairs) {
        at = new long[capacity];
        if (pairs) {
            other = new long[capacity];
        } else {
            value = new double[capacity];
        }
    }

    /** Appends a timed value. */
    void add(long time, double v, long dropBefore) {
        int k = slot(dropBefore);
        at[k] = time;
        value[k] = v;
    }

    /** Appends a pair of times. */
    void add(long time, long second, long dropBefore) {
        int k = slot(dropBefore);
        at[k] = time;
        other[k] = second;
    }

    /** The index of a new entry; when full, first drops the entries timed before {@code dropBefore} (they count no more). */
    private int slot(long dropBefore) {
        if (size == at.length) {
            int kept = 0;
            for (int k = 0; k < size; k++) {
                if (at[k] >= dropBefore) {
                    at[kept] = at[k];
                    if (value != null) {
                        value[kept] = value[k];
                    } else {
                        other[kept] = other[k];
                    }
                    kept++;
                }
            }
            size = kept;
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
                if (value != null) {
                    value = Arrays.copyOf(value, size * 2);
                } else {
                    other = Arrays.copyOf(other, size * 2);
                }
            }
        }
        return size++;
    }

    void clear() {
        size = 0;
    }
}
