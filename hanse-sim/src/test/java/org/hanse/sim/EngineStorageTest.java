package org.hanse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The primitive books the engine keeps per node: first in, first out across wrap and growth; histories pruned, not lost. */
class EngineStorageTest {

    @Test
    void recordQueueKeepsOrderWhenItWrapsAndGrows() {
        RecordQueue q = new RecordQueue(3, 2);
        q.add(1, 10, 100);
        q.add(2, 20, 200);
        assertThat(q.first(0)).isEqualTo(1);
        q.poll();
        // Wraps into the freed slot, then grows with the oldest first.
        q.add(3, 30, 300);
        q.add(4, 40, 400);
        q.setFirst(1, 19);
        double[] seen = new double[6];
        for (int k = 0; k < 3; k++) {
            seen[2 * k] = q.first(0);
            seen[2 * k + 1] = q.first(1);
            q.poll();
        }
        assertThat(seen).containsExactly(2, 19, 3, 30, 4, 40);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void timedLogDropsOnlyWhatNoWindowCanCountBeforeGrowing() {
        TimedLog log = new TimedLog(2, false);
        log.add(100, 0.5, 0);
        log.add(200, 0.7, 0);
        // Full: the entry at 100 lies before 150 and goes; the one at 200 stays.
        log.add(300, 0.9, 150);
        assertThat(Arrays.copyOf(log.at, log.size)).containsExactly(200, 300);
        assertThat(Arrays.copyOf(log.value, log.size)).containsExactly(0.7, 0.9);
        // Full, nothing old enough: it grows and keeps everything.
        log.add(400, 1.0, 150);
        assertThat(Arrays.copyOf(log.at, log.size)).containsExactly(200, 300, 400);

        TimedLog pairs = new TimedLog(1, true);
        pairs.add(10, 5L, 0);
        pairs.add(20, 15L, 0);
        assertThat(Arrays.copyOf(pairs.at, pairs.size)).containsExactly(10, 20);
        assertThat(Arrays.copyOf(pairs.other, pairs.size)).containsExactly(5, 15);
        pairs.clear();
        assertThat(pairs.size).isZero();
    }
}
