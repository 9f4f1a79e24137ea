package org.hanse.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RedeliveryTest {

    static final Instant SENT = Instant.parse("2026-03-02T08:00:00Z");
    static final ResponseTimeout FOUR_HOURS_TWICE = new ResponseTimeout(Duration.ofHours(4), 2);

    @Test
    void withoutBackOffEachRedeliveryFollowsOneWait() {
        // L = 4 h × 3 = 12 h: re-deliveries at 4 h and 8 h, time-out at 12 h.
        assertThat(Redelivery.due(SENT, 1, FOUR_HOURS_TWICE, 1)).isEqualTo(SENT.plus(Duration.ofHours(4)));
        assertThat(Redelivery.due(SENT, 2, FOUR_HOURS_TWICE, 1)).isEqualTo(SENT.plus(Duration.ofHours(8)));
    }

    @Test
    void doublingBackOffSpacesTheRedeliveriesInsideTheSilenceLimit() {
        // b = 2: shares (2 − 1)/(8 − 1) = 1/7 and (4 − 1)/7 = 3/7 of 12 h = 720 min → 102.857 min and 308.571 min.
        assertThat(Redelivery.due(SENT, 1, FOUR_HOURS_TWICE, 2)).isEqualTo(SENT.plusMillis(6_171_429));
        assertThat(Redelivery.due(SENT, 2, FOUR_HOURS_TWICE, 2)).isEqualTo(SENT.plusMillis(18_514_286));
    }

    @Test
    void stepsWaitRedeliverAndTimeOut() {
        assertThat(Redelivery.next(SENT, 0, FOUR_HOURS_TWICE, 1, SENT.plus(Duration.ofHours(3)))).isEqualTo(Redelivery.Step.WAIT);
        assertThat(Redelivery.next(SENT, 0, FOUR_HOURS_TWICE, 1, SENT.plus(Duration.ofHours(4)))).isEqualTo(Redelivery.Step.REDELIVER);
        assertThat(Redelivery.next(SENT, 1, FOUR_HOURS_TWICE, 1, SENT.plus(Duration.ofHours(5)))).isEqualTo(Redelivery.Step.WAIT);
        // A late job catches up one re-delivery at a time, then waits for the time-out.
        assertThat(Redelivery.next(SENT, 0, FOUR_HOURS_TWICE, 1, SENT.plus(Duration.ofHours(9)))).isEqualTo(Redelivery.Step.REDELIVER);
        assertThat(Redelivery.next(SENT, 2, FOUR_HOURS_TWICE, 1, SENT.plus(Duration.ofHours(11)))).isEqualTo(Redelivery.Step.WAIT);
        assertThat(Redelivery.next(SENT, 2, FOUR_HOURS_TWICE, 1, SENT.plus(Duration.ofHours(12)))).isEqualTo(Redelivery.Step.TIME_OUT);
        assertThat(Redelivery.next(SENT, 0, new ResponseTimeout(Duration.ofHours(1), 0), 2, SENT.plus(Duration.ofMinutes(59))))
                .isEqualTo(Redelivery.Step.WAIT);
    }

    @Test
    void refusesRedeliveriesBeyondTheRetriesAndOddFactors() {
        assertThatThrownBy(() -> Redelivery.due(SENT, 3, FOUR_HOURS_TWICE, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Redelivery.due(SENT, 1, FOUR_HOURS_TWICE, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Redelivery.due(SENT, 1, FOUR_HOURS_TWICE, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
