package org.hanse.sim;

/**
 * A first-in-first-out queue of fixed-width records of doubles in one ring array: a node's shipments on the way or
 * open orders without an object per entry (10,000 nodes keep tens of thousands of them).
 */
final class RecordQueue {

    private final int width;
    private double[] ring;
    private int mask;
    private int head;
    private int size;

    /** A queue of records of {@code width} fields, room for {@code capacity} records (a power of two) before it grows. */
    RecordQueue(int width, int capacity) {
        this.width = width;
        this.ring = new double[width * capacity];
        this.mask = capacity - 1;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Field {@code f} of the oldest record. */
    double first(int f) {
        return ring[head * width + f];
    }

    void setFirst(int f, double v) {
        ring[head * width + f] = v;
    }

    /** Drops the oldest record. */
    void poll() {
        head = (head + 1) & mask;
        size--;
    }

    void add(double a, double b, double c) {
        int at = slot();
        ring[at] = a;
        ring[at + 1] = b;
        ring[at + 2] = c;
    }

    void add(double a, double b, double c, double d, double e, double f) {
        int at = slot();
        ring[at] = a;
        ring[at + 1] = b;
        ring[at + 2] = c;
        ring[at + 3] = d;
        ring[at + 4] = e;
        ring[at + 5] = f;
    }

    /** The offset of a new last record, growing the ring (twice the records, oldest first) when full. */
    private int slot() {
        if (size == mask + 1) {
            double[] grown = new double[ring.length * 2];
            for (int k = 0; k < size; k++) {
                System.arraycopy(ring, ((head + k) & mask) * width, grown, k * width, width);
            }
            ring = grown;
            mask = mask * 2 + 1;
            head = 0;
        }
        int at = ((head + size) & mask) * width;
        size++;
        return at;
    }
}
