package org.hanse.app.security;

import java.util.Optional;

/** Finds the node that owns an API key, by the key's hash (implemented by the network module). */
public interface NodeKeyLookup {

    Optional<String> nodeIdForKeyHash(String keyHash);
}
