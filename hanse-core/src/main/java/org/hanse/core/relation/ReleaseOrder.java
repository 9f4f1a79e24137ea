package org.hanse.core.relation;

import java.util.Comparator;
import java.util.List;

/**
 * The order in which a supplier releases competing orders (RULES 3.2): the pair's exception priority first (HIGH before
 * NORMAL before LOW), then urgency U (higher first), then the earlier due date and the id, so that ties stay stable.
 */
public final class ReleaseOrder {

    private ReleaseOrder() {
    }

    /** Exception priorities of the relationship classes, lowest first. */
    public enum Priority { LOW, NORMAL, HIGH }

    /** An order competing for release: its pair's priority, urgency U, due date (epoch seconds) and id. */
    public record Candidate(String id, Priority priority, double urgency, long dueEpochSecond) {
    }

    static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::priority).reversed()
            .thenComparing(Comparator.comparingDouble(Candidate::urgency).reversed())
            .thenComparingLong(Candidate::dueEpochSecond)
            .thenComparing(Candidate::id);

    /** The candidates in release order. */
    public static List<Candidate> rank(List<Candidate> candidates) {
        return candidates.stream().sorted(ORDER).toList();
    }
}
