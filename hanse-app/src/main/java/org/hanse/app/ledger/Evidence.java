package org.hanse.app.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One evidence record as the ledger commits to it: the nodes it concerns (who may read the entry) and its fields as a
 * plain JSON tree of immutable facts (exact decimals as strings). The owning module builds it the same way when the
 * record is written and when the audit recomputes it.
 */
public record Evidence(List<String> parties, Map<String, Object> record) {

    public Evidence {
        parties = parties.stream().filter(Objects::nonNull).distinct().toList();
        if (parties.isEmpty() || parties.size() > 2) {
            throw new IllegalArgumentException("evidence concerns one or two nodes, got " + parties);
        }
        // Copied without Map.copyOf: a record may carry null fields, which canonical JSON writes as null.
        record = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(record));
    }
}
