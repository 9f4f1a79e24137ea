package org.hanse.core.order;

import java.util.Map;
import java.util.Set;
import org.hanse.core.exit.BackupScore;

/**
 * A production resource (line, machine group, workshop) with the hours it works on each working day, the equipment
 * models it runs and the process parameter ranges it covers (both optional; backup similarity compares them).
 */
public record ProductionResource(String id, double hoursPerDay, Set<String> equipment, Map<String, BackupScore.Range> parameters) {

    public ProductionResource {
        if (hoursPerDay <= 0 || hoursPerDay > 24) {
            throw new IllegalArgumentException("hours per day must lie in (0, 24]");
        }
        equipment = equipment == null ? Set.of() : Set.copyOf(equipment);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public ProductionResource(String id, double hoursPerDay) {
        this(id, hoursPerDay, Set.of(), Map.of());
    }
}
