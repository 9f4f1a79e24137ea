package org.hanse.sim;

/** Something that happens to the network on a given day. */
public sealed interface Disruption {

    int day();

    /** The node leaves on {@code day}; planned exits are announced {@code noticeDays} before, unplanned ones not at all. */
    record Exit(String node, int day, boolean planned, int noticeDays) implements Disruption {
    }

    /** The node's capacity is multiplied by {@code factor} for {@code days} days. */
    record CapacityShock(String node, int day, int days, double factor) implements Disruption {
    }

    /** Shipments into the node take {@code extraDays} longer for {@code days} days. */
    record TransportDelay(String node, int day, int days, int extraDays) implements Disruption {
    }

    /** Every unit price is multiplied by {@code factor} for {@code days} days (payments and cash tie-up follow). */
    record PriceShock(int day, int days, double factor) implements Disruption {
    }
}
