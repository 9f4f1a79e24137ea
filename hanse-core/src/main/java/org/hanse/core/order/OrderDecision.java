package org.hanse.core.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcome of the trigger-response rule with everything it was based on. For a rejection the
 * constraints say how much is feasible by the due date, the earliest feasible delivery, the occupancy of
 * the window, and a proposed window of the same width.
 */
public record OrderDecision(
        Outcome outcome,
        double urgency,
        Duration required,
        Instant latestFinish,
        List<ResourceCheck> resources,
        int wip,
        int wipMax,
        Map<String, Double> feasibleQuantityByDue,
        Instant earliestFeasibleDelivery,
        double occupancy,
        DeliveryWindow proposedWindow,
        List<String> reasons) {

    public OrderDecision {
        resources = List.copyOf(resources);
        feasibleQuantityByDue = Map.copyOf(feasibleQuantityByDue);
        reasons = List.copyOf(reasons);
    }

    /** Capacity of one resource over the order's window; {@code earliestFinish} is the instant the hours are free by. */
    public record ResourceCheck(String resource, double hoursNeeded, double freeHours, double totalHours,
                                double committedHours, LocalDate earliestFinishDate, Instant earliestFinish) {

        public boolean sufficient() {
            return freeHours + 1e-9 >= hoursNeeded;
        }
    }

    /** The earliest instant production can be finished by capacity (the latest of the resources' finishes), if any. */
    public Instant earliestFinish() {
        Instant latest = null;
        for (ResourceCheck check : resources) {
            if (check.earliestFinish() == null) {
                return null;
            }
            Instant end = check.earliestFinish();
            latest = latest == null || end.isAfter(latest) ? end : latest;
        }
        return latest;
    }
}
