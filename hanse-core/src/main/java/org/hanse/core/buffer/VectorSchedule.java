package org.hanse.core.buffer;

import java.time.Duration;
import java.time.Instant;

/** When a node sends its next state vector: every period P, and at once when the zone changes. No coordinator decides it. */
public final class VectorSchedule {

    private VectorSchedule() {
    }

    public static boolean due(Instant lastSent, Zone lastZone, Zone zone, Instant now, Duration period) {
        return lastSent == null || lastZone != zone || !now.isBefore(lastSent.plus(period));
    }
}
