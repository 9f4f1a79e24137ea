package org.hanse.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemainingCapacityTest {

    @Test
    void sharesStepDownUntilTheExitThenNothing() {
        // Exit on 1 March; from 1 February half the capacity, from 15 February a quarter.
        RemainingCapacity r = new RemainingCapacity(Instant.parse("2027-03-01T00:00:00Z"), List.of(
                new RemainingCapacity.Step(LocalDate.parse("2027-02-15"), 0.25), new RemainingCapacity.Step(LocalDate.parse("2027-02-01"), 0.5)));
        assertThat(r.share(LocalDate.parse("2027-01-31"))).isEqualTo(1);
        assertThat(r.share(LocalDate.parse("2027-02-01"))).isEqualTo(0.5);
        assertThat(r.share(LocalDate.parse("2027-02-14"))).isEqualTo(0.5);
        assertThat(r.share(LocalDate.parse("2027-02-15"))).isEqualTo(0.25);
        assertThat(r.share(LocalDate.parse("2027-02-28"))).isEqualTo(0.25);
        assertThat(r.share(LocalDate.parse("2027-03-01"))).isZero();
        assertThatThrownBy(() -> new RemainingCapacity.Step(LocalDate.parse("2027-02-01"), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTransactionCycleIsTheMeanOrderInterval() {
        Instant t = Instant.parse("2027-01-01T00:00:00Z");
        // Orders on days 0, 4 and 10: two intervals, 10 days / 2 = 5 days; one order is no cycle.
        assertThat(ExitRule.meanOrderInterval(List.of(t.plus(Duration.ofDays(10)), t, t.plus(Duration.ofDays(4))))).isEqualTo(Duration.ofDays(5));
        assertThat(ExitRule.meanOrderInterval(List.of(t))).isNull();
        // With a 5-day cycle an exit announced 15 days ahead is planned, 14 days 23 hours is not.
        assertThat(ExitRule.classify(t, t.plus(Duration.ofDays(15)), Duration.ofDays(5))).isEqualTo(ExitRule.Kind.PLANNED);
        assertThat(ExitRule.classify(t, t.plus(Duration.ofDays(15)).minusSeconds(3600), Duration.ofDays(5))).isEqualTo(ExitRule.Kind.UNPLANNED);
    }
}
