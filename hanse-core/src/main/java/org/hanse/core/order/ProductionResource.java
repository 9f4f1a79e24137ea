package org.hanse.core.order;

/** A production resource (line, machine group, workshop) with the hours it works on each working day. */
public record ProductionResource(String id, double hoursPerDay) {

    public ProductionResource {
        if (hoursPerDay <= 0 || hoursPerDay > 24) {
            throw new IllegalArgumentException("hours per day must lie in (0, 24]");
        }
    }
}
