package org.hanse.core.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hanse.core.exit.BackupScore;
import org.hanse.core.exit.ExitRule;
import org.hanse.core.payment.Synchronisation;
import org.hanse.core.relation.Relay;
import org.hanse.core.trust.Dimensions;
import org.hanse.core.trust.Reciprocity;
import org.hanse.core.trust.SharingLevel;
import org.hanse.core.trust.TrustValue;
import org.junit.jupiter.api.Test;

/** Each rule that takes network parameters gives the default result with the defaults and follows a changed value. */
class RulesWithParametersTest {

    static NetworkParameters with(String group, Map<String, Object> values) {
        return NetworkParametersReader.read(Map.of(group, values)).orElseThrow();
    }

    @Test
    void trustWindowCapPiZeroAndSharingThresholds() {
        NetworkParameters.TrustParameters longer = with("trust", Map.of("min-window-days", 30)).trust();
        // One interaction a day: W = 20 / 1 = 20 days, within [14, 365]; with a 30-day minimum it is 30 days.
        assertThat(TrustValue.window(1.0)).isEqualTo(Duration.ofDays(20));
        assertThat(TrustValue.window(1.0, longer)).isEqualTo(Duration.ofDays(30));
        // Everything delivered twice as well as promised: r = min(2, 1.5) = 1.5; with a cap of 2, r = 2.
        Dimensions q = new Dimensions(1, 1, 1);
        Dimensions half = new Dimensions(0.5, 0.5, 0.5);
        assertThat(Reciprocity.coefficient(q, half, Dimensions.DEFAULT_WEIGHTS)).isCloseTo(1.5, within(1e-12));
        assertThat(Reciprocity.coefficient(q, half, Dimensions.DEFAULT_WEIGHTS, 2.0)).isCloseTo(2.0, within(1e-12));
        // No interactions (T = 1) and a penalty of full asymmetry just now: T = 1 − π_0 = 0.5; with π_0 = 0.2, 0.8.
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        List<TrustValue.Penalty> penalty = List.of(new TrustValue.Penalty(now, 1));
        assertThat(TrustValue.of(List.of(), penalty, now)).isCloseTo(0.5, within(1e-12));
        assertThat(TrustValue.of(List.of(), penalty, now, with("trust", Map.of("pi0", 0.2)).trust())).isCloseTo(0.8, within(1e-12));
        // T = 0.85 keeps REAL_TIME under 0.8 / 0.95; with polling below 0.9 it moves to POLLING.
        assertThat(SharingLevel.next(SharingLevel.REAL_TIME, 0.85)).isEqualTo(SharingLevel.REAL_TIME);
        assertThat(SharingLevel.next(SharingLevel.REAL_TIME, 0.85, 0.9, 0.95)).isEqualTo(SharingLevel.POLLING);
    }

    @Test
    void creditRecordAndCorrectionBounds() {
        Instant due = Instant.parse("2026-05-01T00:00:00Z");
        Instant now = Instant.parse("2026-05-10T00:00:00Z");
        // Paid one day late: on time within the 2-day grace, late with none.
        List<Synchronisation.Settlement> late = List.of(new Synchronisation.Settlement(due, due.plus(Duration.ofDays(1))));
        assertThat(Synchronisation.creditRecord(late, now)).isEqualTo(1.0);
        assertThat(Synchronisation.creditRecord(late, now, with("payment", Map.of("grace-days", 0)).payment())).isEqualTo(0.0);
        // ρ_t = 1: COMBINED between 0.9 and 1.1; realign below 1.05 instead.
        assertThat(Synchronisation.correction(1, 1)).isEqualTo(Synchronisation.Correction.COMBINED);
        assertThat(Synchronisation.correction(1, 1, with("payment", Map.of("realignment-below", 1.05)).payment()))
                .isEqualTo(Synchronisation.Correction.PAYMENT_REALIGNMENT);
    }

    @Test
    void exitCyclesBackupWeightsAndRelayCap() {
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        Instant exit = now.plus(Duration.ofDays(14));
        // Two weeks' notice: below 3 cycles of 7 days (21 days) → unplanned; with 2 cycles (14 days) → planned.
        assertThat(ExitRule.classify(now, exit, null)).isEqualTo(ExitRule.Kind.UNPLANNED);
        assertThat(ExitRule.classify(now, exit, null, with("exit", Map.of("planned-cycles", 2)).exit())).isEqualTo(ExitRule.Kind.PLANNED);
        // Similarity 1, proximity 0: 0.6 by default, 0.5 with weights 0.5 / 0.5.
        assertThat(BackupScore.score("n", 1, 0).score()).isCloseTo(0.6, within(1e-12));
        assertThat(BackupScore.score("n", 1, 0, with("exit", Map.of("similarity-weight", 0.5, "proximity-weight", 0.5)).exit()).score())
                .isCloseTo(0.5, within(1e-12));
        // An item at 4 hops is not relayed under H_max = 4, is under 5.
        assertThat(Relay.mayRelay(4)).isFalse();
        assertThat(Relay.mayRelay(4, 5)).isTrue();
    }
}
