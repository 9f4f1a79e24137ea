package org.hanse.core.relation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hanse.core.relation.ReleaseOrder.Candidate;
import org.hanse.core.relation.ReleaseOrder.Priority;
import org.junit.jupiter.api.Test;

class ReleaseOrderTest {

    @Test
    void priorityFirstThenUrgencyThenDueDateThenId() {
        Candidate urgentMarket = new Candidate("a", Priority.LOW, 0.9, 100);
        Candidate calmCollaborative = new Candidate("b", Priority.NORMAL, 0.1, 500);
        Candidate lockIn = new Candidate("c", Priority.HIGH, 0.05, 900);
        Candidate urgentCollaborative = new Candidate("d", Priority.NORMAL, 0.4, 800);
        Candidate sameButEarlier = new Candidate("e", Priority.NORMAL, 0.1, 400);
        Candidate sameButLaterId = new Candidate("f", Priority.NORMAL, 0.1, 400);
        assertThat(ReleaseOrder.rank(List.of(urgentMarket, calmCollaborative, lockIn, urgentCollaborative, sameButLaterId, sameButEarlier)))
                .extracting(Candidate::id).containsExactly("c", "d", "e", "f", "b", "a");
    }
}
