package org.hanse.app.ordering;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Limits on a node's declared capacity from outside the ordering module (a leaving node's remaining-capacity series):
 * the share of its capacity still offered on a date. Implemented by the continuity module.
 */
public interface CapacityLimits {

    /** The share in [0, 1] of {@code node}'s capacity it still offers, by date; empty when it is not limited. */
    Optional<java.util.function.ToDoubleFunction<LocalDate>> limit(String node);
}
