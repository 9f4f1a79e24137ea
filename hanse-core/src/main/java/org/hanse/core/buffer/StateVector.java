package org.hanse.core.buffer;

import java.time.Instant;

/** What a node tells its neighbours about one buffer (RULES 3.6): levels, depletion time, interval and zone, at a time. */
public record StateVector(String node, String material, double onHand, double inTransit, double allocated,
                          double depletionDays, double low, double high, Zone zone, Instant time) {
}
