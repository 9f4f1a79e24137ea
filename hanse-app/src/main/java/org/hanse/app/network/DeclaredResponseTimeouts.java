package org.hanse.app.network;

import org.hanse.app.messaging.ResponseTimeouts;
import org.hanse.core.node.ResponseTimeout;
import org.springframework.stereotype.Component;

/** Gives messaging each node's declared response timeout (its config's wait and retries, else the default). */
@Component
class DeclaredResponseTimeouts implements ResponseTimeouts {

    private final NodeRepository nodes;

    DeclaredResponseTimeouts(NodeRepository nodes) {
        this.nodes = nodes;
    }

    @Override
    public ResponseTimeout of(String node) {
        return nodes.find(node).map(n -> Links.timeoutOf(n.config())).orElse(ResponseTimeout.DEFAULT);
    }
}
