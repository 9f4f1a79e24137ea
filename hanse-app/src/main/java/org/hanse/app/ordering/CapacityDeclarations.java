package org.hanse.app.ordering;

import java.time.Clock;
import java.util.Map;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.NodeCapacityDeclared;
import org.hanse.app.security.Principal;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.order.CapacityProfileReader;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Capacity declarations from a node's config file (same transaction as the config) or from the capacity endpoint. */
@Service
class CapacityDeclarations {

    private final CapacityStore store;
    private final Adjacency adjacency;
    private final Clock clock;

    CapacityDeclarations(CapacityStore store, Adjacency adjacency, Clock clock) {
        this.store = store;
        this.adjacency = adjacency;
        this.clock = clock;
    }

    /** The config file was validated, capacity section included, by the network module. */
    @EventListener
    void on(NodeCapacityDeclared declared) {
        store.declare(declared.nodeId(), declared.capacity(), clock.instant());
    }

    @Transactional
    long declare(String nodeId, Object tree, Principal principal) {
        principal.requireSelfOrOperator(nodeId);
        if (!adjacency.exists(nodeId)) {
            throw new NotFoundException("node " + nodeId + " is not registered");
        }
        CapacityProfileReader.read(tree, "", adjacency.mappedMaterials(nodeId)).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) tree;
        return store.declare(nodeId, map, clock.instant());
    }

    Map<String, Object> read(String nodeId, Principal principal) {
        principal.requireSelfOrOperator(nodeId);
        return store.tree(nodeId).orElseThrow(() -> new NotFoundException("node " + nodeId + " has declared no capacity"));
    }
}
