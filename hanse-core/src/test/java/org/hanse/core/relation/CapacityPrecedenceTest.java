package org.hanse.core.relation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hanse.core.relation.CapacityPrecedence.Displacement;
import org.hanse.core.relation.CapacityPrecedence.Reservation;
import org.hanse.core.relation.ReleaseOrder.Candidate;
import org.hanse.core.relation.ReleaseOrder.Priority;
import org.junit.jupiter.api.Test;

class CapacityPrecedenceTest {

    private static final long DUE = 1_800_000_000L;

    @Test
    void priorityReordersTwoCompetingOrdersCapacity() {
        // One 8 h day on the press. X (NORMAL pair, U 0.9) and Y (HIGH pair, U 0.4) each need all 8 h.
        Candidate x = new Candidate("X", Priority.NORMAL, 0.9, DUE);
        Candidate y = new Candidate("Y", Priority.HIGH, 0.4, DUE);
        // X came first and holds the day, not yet started: Y takes its hours, X is moved later.
        Displacement yAfterX = CapacityPrecedence.displace(y, 8, 0, List.of(new Reservation(x, 8, false)));
        assertThat(yAfterX).isEqualTo(new Displacement(List.of("X"), 8, true));
        // Y came first: X, though more urgent, ranks below Y's pair and gets nothing now.
        Displacement xAfterY = CapacityPrecedence.displace(x, 8, 0, List.of(new Reservation(y, 8, false)));
        assertThat(xAfterY).isEqualTo(new Displacement(List.of(), 0, false));
    }

    @Test
    void theLowestRankedNotYetStartedYieldFirstAndOnlyAsManyAsNeeded() {
        // The newcomer (HIGH, U 0.5) needs 10 h and finds 4 h free: 6 h must be freed.
        Candidate newcomer = new Candidate("N", Priority.HIGH, 0.5, DUE);
        List<Reservation> competing = List.of(
                new Reservation(new Candidate("A", Priority.NORMAL, 0.9, DUE), 6, false),
                new Reservation(new Candidate("B", Priority.LOW, 0.2, DUE), 5, false),
                new Reservation(new Candidate("C", Priority.LOW, 0.1, DUE), 8, true),   // started: keeps its hours
                new Reservation(new Candidate("D", Priority.HIGH, 0.3, DUE), 4, false), // same pair class, less urgent
                new Reservation(new Candidate("E", Priority.HIGH, 0.5, DUE), 9, false)); // a tie never yields
        // Lowest first among A, B, D: B (LOW) frees 5 h → 9 h < 10; then A (NORMAL) 6 h → 15 h ≥ 10. D stays.
        assertThat(CapacityPrecedence.displace(newcomer, 10, 4, competing))
                .isEqualTo(new Displacement(List.of("B", "A"), 11, true));
        // 20 h needed: B, A and D free 15 h, 4 + 15 = 19 < 20 — nobody is moved for nothing.
        assertThat(CapacityPrecedence.displace(newcomer, 20, 4, competing))
                .isEqualTo(new Displacement(List.of(), 0, false));
        // Enough free already: nothing moves.
        assertThat(CapacityPrecedence.displace(newcomer, 4, 4, competing))
                .isEqualTo(new Displacement(List.of(), 0, true));
    }

    @Test
    void urgencyDecidesWithinTheSamePriority() {
        Candidate more = new Candidate("M", Priority.NORMAL, 0.7, DUE);
        Candidate less = new Candidate("L", Priority.NORMAL, 0.3, DUE);
        assertThat(CapacityPrecedence.outranks(more, less)).isTrue();
        assertThat(CapacityPrecedence.outranks(less, more)).isFalse();
        assertThat(CapacityPrecedence.outranks(new Candidate("H", Priority.HIGH, 0.0, DUE), more)).isTrue();
    }
}
