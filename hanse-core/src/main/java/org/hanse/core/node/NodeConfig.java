package org.hanse.core.node;

import java.util.List;
import java.util.Set;
import org.hanse.core.dictionary.Gln;
import org.hanse.core.order.CapacityProfile;

/**
 * A node's validated configuration: identity, enabled modules, response timeout, BOM mapping table and, optionally,
 * its capacity declaration (kept private to the node: it is not part of the config neighbours receive).
 */
public record NodeConfig(
        String id,
        String name,
        List<NodeRole> roles,
        Location location,
        Gln gln,
        Set<InterfaceModule> modules,
        ResponseTimeout responseTimeout,
        List<BomMapping> bomMapping,
        CapacityProfile capacity) {

    public NodeConfig {
        roles = List.copyOf(roles);
        modules = Set.copyOf(modules);
        bomMapping = List.copyOf(bomMapping);
    }

    public boolean hasModule(InterfaceModule module) {
        return modules.contains(module);
    }
}
