package org.hanse.core.event;

import java.util.Optional;
import java.util.Set;
import org.hanse.core.node.InterfaceModule;

/**
 * Proxy conversion (RULES 3.1): for a module a node has not enabled, its neighbours publish the
 * equivalent events about it. This decides whether a neighbour may do so for a given event type.
 */
public final class ProxyConversion {

    private ProxyConversion() {
    }

    /**
     * Empty when {@code neighbour} may publish {@code type} about a node with {@code subjectModules},
     * else the reason it may not.
     */
    public static Optional<String> refusal(EventType type, Set<InterfaceModule> subjectModules, boolean isNeighbour) {
        if (!isNeighbour) {
            return Optional.of("only an accepted neighbour may publish events about a node");
        }
        Optional<InterfaceModule> module = type.module();
        if (module.isEmpty()) {
            return Optional.of(type + " belongs to no interface module and cannot be proxied");
        }
        if (subjectModules.contains(module.get())) {
            return Optional.of("the node has " + module.get().key() + " enabled and publishes " + type + " itself");
        }
        return Optional.empty();
    }
}
