package org.hanse.core.node;

import java.util.Arrays;
import java.util.Optional;

/** What a node does in the chain; a node may hold several roles. */
public enum NodeRole {
    SUPPLIER, MANUFACTURER, DISTRIBUTOR, RETAILER, LOGISTICS,
    /** Declares itself a core enterprise; it counts as one only while a lender or certifier certifies it (FINANCE.md). */
    CORE;

    /** The name used in config files and the API (lower case). */
    public String key() {
        return name().toLowerCase();
    }

    public static Optional<NodeRole> ofKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
    }
}
