package org.hanse.app.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of simulations in the server: the largest run (node-days), runs queued or running per person and in all,
 * finished runs kept per person and in all (the oldest finished are forgotten first).
 */
@ConfigurationProperties("hanse.limits.simulation")
public record SimulationLimits(long maxNodeDays, int maxActivePerPerson, int maxQueued, int maxKeptPerPerson, int maxKept) {

    public SimulationLimits {
        maxNodeDays = maxNodeDays <= 0 ? 20_000_000L : maxNodeDays;
        maxActivePerPerson = maxActivePerPerson <= 0 ? 2 : maxActivePerPerson;
        maxQueued = maxQueued <= 0 ? 8 : maxQueued;
        maxKeptPerPerson = maxKeptPerPerson <= 0 ? 10 : maxKeptPerPerson;
        maxKept = maxKept <= 0 ? 30 : maxKept;
    }
}
