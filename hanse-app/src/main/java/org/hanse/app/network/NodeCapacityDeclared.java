package org.hanse.app.network;

import java.util.Map;

/** A node's config file carried a (validated) capacity section; the ordering module stores it in the same transaction. */
public record NodeCapacityDeclared(String nodeId, Map<String, Object> capacity) {
}
