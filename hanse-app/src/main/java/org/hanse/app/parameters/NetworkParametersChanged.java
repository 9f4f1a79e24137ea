package org.hanse.app.parameters;

import java.time.Instant;
import java.util.List;

/** Emitted after the operator stored a new parameter set; rules use it from their next evaluation on, never retroactively. */
public record NetworkParametersChanged(long fromVersion, long toVersion, List<String> changedPaths, String changedBy, Instant changedAt) {
}
