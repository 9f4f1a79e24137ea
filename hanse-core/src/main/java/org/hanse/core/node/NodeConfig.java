package org.hanse.core.node;

import java.util.List;
import java.util.Set;
import org.hanse.core.dictionary.Gln;

/** A node's validated configuration: identity, enabled modules, response timeout and BOM mapping table. */
public record NodeConfig(
        String id,
        String name,
        List<NodeRole> roles,
        Location location,
        Gln gln,
        Set<InterfaceModule> modules,
        ResponseTimeout responseTimeout,
        List<BomMapping> bomMapping) {

    public NodeConfig {
        roles = List.copyOf(roles);
        modules = Set.copyOf(modules);
        bomMapping = List.copyOf(bomMapping);
    }

    public boolean hasModule(InterfaceModule module) {
        return modules.contains(module);
    }
}
