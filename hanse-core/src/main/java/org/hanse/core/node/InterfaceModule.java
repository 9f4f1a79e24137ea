package org.hanse.core.node;

import java.util.Arrays;
import java.util.Optional;

/** The three interface modules a node may enable (RULES 3.1). */
public enum InterfaceModule {
    ORDER_SYNC("order-sync"), INVENTORY_NOTIFY("inventory-notify"), EXCEPTION_BROADCAST("exception-broadcast");

    private final String key;

    InterfaceModule(String key) {
        this.key = key;
    }

    /** The name used in config files and the API. */
    public String key() {
        return key;
    }

    public static Optional<InterfaceModule> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
