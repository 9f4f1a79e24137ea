package org.hanse.app.network;

import org.hanse.core.relation.ReleaseOrder;

/**
 * How deep a pair's exchange goes by its relationship class (RULES 3.2): MARKET pairs share order status only,
 * COLLABORATIVE and LOCK_IN_RISK pairs also buffer state vectors and forecasts. Implemented by the relations module.
 */
public interface RelationshipDepth {

    /** Whether the two nodes (in either direction of supply) exchange buffer state vectors and forecasts. */
    boolean sharesBufferState(String a, String b);

    /** The pair's exception priority (RULES 3.2: MARKET LOW, COLLABORATIVE NORMAL, LOCK_IN_RISK HIGH); NORMAL until assessed. */
    default ReleaseOrder.Priority exceptionPriority(String buyer, String supplier) {
        return ReleaseOrder.Priority.NORMAL;
    }
}
