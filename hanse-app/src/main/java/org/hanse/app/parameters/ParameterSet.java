package org.hanse.app.parameters;

import java.time.Instant;
import org.hanse.core.parameters.NetworkParameters;

/** One stored version of the network's parameters: who stored it and when (version 0: the built-in defaults). */
public record ParameterSet(long version, NetworkParameters parameters, String changedBy, Instant changedAt) {
}
