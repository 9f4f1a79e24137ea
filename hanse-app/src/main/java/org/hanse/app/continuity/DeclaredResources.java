package org.hanse.app.continuity;

import java.util.List;
import org.hanse.core.relation.Complementarity;

/**
 * Nodes' declared resources (RULES 3.3) as the backup lists read them, for complements of a leaving supplier;
 * implemented by the module that keeps the declarations.
 */
public interface DeclaredResources {

    /** A node's declared resources with their load a day (accepted orders included); the resource's id first. */
    record Declared(String id, Complementarity.Resource resource) {
    }

    /** The node's declared resources, empty when it declares none. */
    List<Declared> of(String node);

    /** Every node that declares resources. */
    List<String> declaringNodes();
}
