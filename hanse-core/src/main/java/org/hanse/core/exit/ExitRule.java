package org.hanse.core.exit;

import java.time.Duration;
import java.time.Instant;
import org.hanse.core.node.ResponseTimeout;

/**
 * Exit classification (RULES 3.9): an exit is planned for a pair iff announced at least 3 transaction cycles (the
 * pair's mean order interval, default 7 days) before it; silence beyond timeout × (retries + 1) together with a
 * missed confirmed delivery is an unannounced, unplanned exit.
 */
public final class ExitRule {

    public static final int PLANNED_CYCLES = org.hanse.core.parameters.NetworkParameters.DEFAULTS.exit().plannedCycles();
    public static final Duration DEFAULT_CYCLE = Duration.ofDays(org.hanse.core.parameters.NetworkParameters.DEFAULTS.exit().defaultCycleDays());

    private ExitRule() {
    }

    /** How an exit is seen by one adjacent pair. */
    public enum Kind { PLANNED, UNPLANNED }

    public static Kind classify(Instant announcedAt, Instant exitAt, Duration meanOrderInterval) {
        return classify(announcedAt, exitAt, meanOrderInterval, org.hanse.core.parameters.NetworkParameters.DEFAULTS.exit());
    }

    /** As {@link #classify(Instant, Instant, Duration)} with the network's cycle count and default cycle. */
    public static Kind classify(Instant announcedAt, Instant exitAt, Duration meanOrderInterval,
                                org.hanse.core.parameters.NetworkParameters.ExitParameters p) {
        Duration cycle = meanOrderInterval == null || meanOrderInterval.isZero() ? Duration.ofDays(p.defaultCycleDays()) : meanOrderInterval;
        return Duration.between(announcedAt, exitAt).compareTo(cycle.multipliedBy(p.plannedCycles())) >= 0 ? Kind.PLANNED : Kind.UNPLANNED;
    }

    /** The pair's transaction cycle: the mean interval between its orders (null with fewer than two orders). */
    public static Duration meanOrderInterval(java.util.List<Instant> placedAt) {
        if (placedAt.size() < 2) {
            return null;
        }
        java.util.List<Instant> sorted = placedAt.stream().sorted().toList();
        return Duration.between(sorted.get(0), sorted.get(sorted.size() - 1)).dividedBy(sorted.size() - 1);
    }

    public static boolean unannouncedExit(Instant lastHeard, Instant now, ResponseTimeout timeout, boolean missedConfirmedDelivery) {
        return missedConfirmedDelivery && Duration.between(lastHeard, now).compareTo(timeout.silenceLimit()) > 0;
    }
}
