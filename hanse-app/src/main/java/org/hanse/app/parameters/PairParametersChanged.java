package org.hanse.app.parameters;

import java.time.Instant;
import java.util.Map;

/** Emitted after the operator stored a pair's negotiated parameters (empty map: the pair follows the network again). */
public record PairParametersChanged(String buyer, String supplier, Map<String, Double> overrides, String changedBy, Instant changedAt) {
}
