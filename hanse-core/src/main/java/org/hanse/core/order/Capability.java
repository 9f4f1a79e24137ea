package org.hanse.core.order;

import java.time.Duration;

/** How a node makes one material: on which resource, at what rate (units of its mapped unit per hour), after what setup. */
public record Capability(String material, String resource, double ratePerHour, Duration setup) {

    public Capability {
        if (ratePerHour <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
    }

    /** Production hours for a quantity: setup + quantity / rate. */
    public double hoursFor(double quantity) {
        return setup.toSeconds() / 3600.0 + quantity / ratePerHour;
    }
}
