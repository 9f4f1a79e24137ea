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

    /** Capacity of one resource over the order's window. */
    public record ResourceCheck(String resource, double hoursNeeded, double freeHours, double totalHours,
                                double committedHours, LocalDate earliestFinishDate) {

        public boolean sufficient() {
            return freeHours + 1e-9 >= hoursNeeded;
        }
    }

    /** The earliest instant production can be finished by capacity (end of the latest earliest-finish date), if any. */
    public Instant earliestFinish() {
        Instant latest = null;
        for (ResourceCheck check : resources) {
            if (check.earliestFinishDate() == null) {
                return null;
            }
            Instant end = OrderRule.endOf(check.earliestFinishDate());
            latest = latest == null || end.isAfter(latest) ? end : latest;
        }
        return latest;
    }
}
