package org.hanse.app.network;

import java.time.Instant;
import java.util.Map;

/** A registered node as stored: its current config version and canonical config tree. */
record NodeRecord(String id, String name, long version, Map<String, Object> config, Instant registeredAt, Instant updatedAt) {
}
