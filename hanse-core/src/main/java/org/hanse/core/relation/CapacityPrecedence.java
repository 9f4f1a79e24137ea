package org.hanse.core.relation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which reservations a new order may displace on a resource it competes for (RULES 3.5): the new order counts the hours
 * of reservations that rank strictly below it (the pair's exception priority first, then urgency U) and have not yet
 * started as available; the lowest-ranked are displaced first, only as many as it needs, and none when even all of
 * them would not make it fit. The displaced orders are re-planned later by the caller.
 */
public final class CapacityPrecedence {

    private CapacityPrecedence() {
    }

    /** A reservation on the contested resource: its order, its hours before the newcomer's latest finish, and whether work began. */
    public record Reservation(ReleaseOrder.Candidate order, double hoursInWindow, boolean started) {
    }

    /** The reservations to move later (lowest-ranked first), the hours that frees, and whether the newcomer now fits. */
    public record Displacement(List<String> displaced, double freedHours, boolean fits) {
        public Displacement {
            displaced = List.copyOf(displaced);
        }
    }

    /** Priority, then urgency, lowest first; due date and id keep ties stable, but a tie never yields. */
    private static final Comparator<ReleaseOrder.Candidate> LOWEST_FIRST = Comparator.comparing(ReleaseOrder.Candidate::priority)
            .thenComparingDouble(ReleaseOrder.Candidate::urgency)
            .thenComparing(Comparator.comparingLong(ReleaseOrder.Candidate::dueEpochSecond).reversed())
            .thenComparing(ReleaseOrder.Candidate::id);

    /** Whether {@code newcomer} ranks strictly above {@code other}: higher priority, or equal priority and higher urgency. */
    public static boolean outranks(ReleaseOrder.Candidate newcomer, ReleaseOrder.Candidate other) {
        int byPriority = newcomer.priority().compareTo(other.priority());
        return byPriority > 0 || (byPriority == 0 && newcomer.urgency() > other.urgency());
    }

    /**
     * The displacement that lets {@code newcomer} take {@code hoursNeeded} when {@code freeHours} are free on the
     * resource by its latest finish. Enough free hours already: nothing is displaced.
     */
    public static Displacement displace(ReleaseOrder.Candidate newcomer, double hoursNeeded, double freeHours,
                                        List<Reservation> competing) {
        if (freeHours >= hoursNeeded - 1e-9) {
            return new Displacement(List.of(), 0, true);
        }
        List<Reservation> yielding = competing.stream()
                .filter(r -> !r.started() && r.hoursInWindow() > 0 && outranks(newcomer, r.order()))
                .sorted(Comparator.comparing(Reservation::order, LOWEST_FIRST))
                .toList();
        List<String> displaced = new ArrayList<>();
        double freed = 0;
        for (Reservation r : yielding) {
            displaced.add(r.order().id());
            freed += r.hoursInWindow();
            if (freeHours + freed >= hoursNeeded - 1e-9) {
                return new Displacement(displaced, freed, true);
            }
        }
        // Displacing others without making room would only delay them for nothing.
        return new Displacement(List.of(), 0, false);
    }
}
