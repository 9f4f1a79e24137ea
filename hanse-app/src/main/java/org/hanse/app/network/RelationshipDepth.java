package org.hanse.app.network;

/**
 * How deep a pair's exchange goes by its relationship class (RULES 3.2): MARKET pairs share order status only,
 * COLLABORATIVE and LOCK_IN_RISK pairs also buffer state vectors and forecasts. Implemented by the relations module.
 */
public interface RelationshipDepth {

    /** Whether the two nodes (in either direction of supply) exchange buffer state vectors and forecasts. */
    boolean sharesBufferState(String a, String b);
}
