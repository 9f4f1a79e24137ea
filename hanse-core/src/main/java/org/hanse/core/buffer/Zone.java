package org.hanse.core.buffer;

/** Where a buffer's level lies against its threshold interval [B_lo, B_hi]. */
public enum Zone {
    /** Below B_lo: the exception protocol holds non-urgent outbound releases and asks peers for emergency transfers. */
    BELOW,
    /** Within [B_lo, B_hi]. */
    INSIDE,
    /** Above B_hi: non-urgent inbound replenishment is held. */
    ABOVE
}
