package org.hanse.core.trust;

/**
 * What a partner gets (RULES 3.8), with hysteresis: below 0.8 it moves to POLLING (polls at most once per period and
 * sees zones, not quantities); at or above 0.95 to REAL_TIME (pushed events); in between it keeps its level.
 */
public enum SharingLevel {
    POLLING, REAL_TIME;

    public static final double POLLING_BELOW = org.hanse.core.parameters.NetworkParameters.DEFAULTS.trust().pollingBelow();
    public static final double REAL_TIME_FROM = org.hanse.core.parameters.NetworkParameters.DEFAULTS.trust().realTimeFrom();

    /** The level after seeing trust {@code t}, given the current level ({@code null} for a new pair). */
    public static SharingLevel next(SharingLevel current, double t) {
        return next(current, t, POLLING_BELOW, REAL_TIME_FROM);
    }

    /** As {@link #next(SharingLevel, double)} with the network's thresholds. */
    public static SharingLevel next(SharingLevel current, double t, double pollingBelow, double realTimeFrom) {
        if (t < pollingBelow) {
            return POLLING;
        }
        if (t >= realTimeFrom) {
            return REAL_TIME;
        }
        return current == null ? REAL_TIME : current;
    }
}
