package org.hanse.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void reciprocityForSeveralDeliveries() {
        // Perfect delivery: 0.4 / 0.95 + 0.4 / 0.98 + 0.2 / 0.95 = 1.039742
        assertThat(Reciprocity.coefficient(new Dimensions(1, 1, 1), Dimensions.DEFAULT_PROMISED, Dimensions.DEFAULT_WEIGHTS))
                .isCloseTo(1.039742, within(1e-6));
        // Two days late on a 10-day lead time (q_p = 0.8), 95 of 100 accepted, 3 of 4 status messages true:
        // 0.4 · 0.8 / 0.95 + 0.4 · 0.95 / 0.98 + 0.2 · 0.75 / 0.95 = 0.882492
        double qp = Reciprocity.punctuality(Duration.ofDays(2), Duration.ofDays(10));
        double qq = Reciprocity.qualified(95, 100);
        double qi = Reciprocity.information(3, 4);
        assertThat(qp).isCloseTo(0.8, within(1e-12));
        assertThat(Reciprocity.coefficient(new Dimensions(qp, qq, qi), Dimensions.DEFAULT_PROMISED, Dimensions.DEFAULT_WEIGHTS))
                .isCloseTo(0.882492, within(1e-6));
        // Promised 0.5 everywhere and delivered perfectly: each ratio 2 is capped at 1.5.
        assertThat(Reciprocity.coefficient(new Dimensions(1, 1, 1), new Dimensions(0.5, 0.5, 0.5), Dimensions.DEFAULT_WEIGHTS))
                .isCloseTo(1.5, within(1e-12));
        // Later than the whole lead time: punctuality 0.
        assertThat(Reciprocity.punctuality(Duration.ofDays(12), Duration.ofDays(10))).isZero();
        assertThat(Reciprocity.punctuality(Duration.ZERO, Duration.ofDays(10))).isEqualTo(1);
    }

    @Test
    void weightsMustBeInTheUnitIntervalAndSumToOne() {
        assertThat(Dimensions.DEFAULT_WEIGHTS.weightProblem()).isEmpty();
        assertThat(new Dimensions(0.5, 0.5, 0.5).weightProblem()).contains("weights must sum to 1, not 1.5");
        assertThat(new Dimensions(1.2, -0.1, -0.1).weightProblem()).contains("each weight must lie in [0, 1]");
    }

    @Test
    void trustOverArraysReadsOnlyTheGivenRangeAndCountsToTheSecond() {
        long now = NOW.getEpochSecond();
        long day = 86_400;
        // The same three interactions as below, between two that lie outside [1, 4): a year-old 0 and a future 1.5.
        long[] at = {now - 400 * day, now, now - 10 * day, now - 30 * day, now + day};
        double[] r = {0, 1.2, 0.9, 0.6, 1.5};
        assertThat(TrustValue.frequency(at, 1, 4, now)).isCloseTo(3 / 365.0, within(1e-15));
        assertThat(TrustValue.reciprocal(at, r, 1, 4, now)).isCloseTo(0.924258, within(1e-6));
        // Nothing in range: no evidence, full trust.
        assertThat(TrustValue.reciprocal(at, r, 2, 2, now)).isEqualTo(1.0);
        // Instants count to the second: 0.9 s earlier is the same second as now.
        List<TrustValue.Interaction> subSecond = List.of(new TrustValue.Interaction(NOW.plusMillis(900), 0.5));
        assertThat(TrustValue.of(subSecond, List.of(), NOW.plusMillis(100))).isEqualTo(0.5);
    }

    @Test
    void windowAtLowMiddleAndHighFrequency() {
        assertThat(TrustValue.window(0.05)).isEqualTo(Duration.ofDays(365));  // 20 / 0.05 = 400 d, clamped
        assertThat(TrustValue.window(1)).isEqualTo(Duration.ofDays(20));
        assertThat(TrustValue.window(10)).isEqualTo(Duration.ofDays(14));     // 2 d, clamped
    }

    @Test
    void trustIsTheDecayWeightedMeanOverTheWindow() {
        // 3 interactions a year: W = 365 d, τ = 121.667 d; weights 1, e^(−10/τ) = 0.921095, e^(−30/τ) = 0.781472.
        List<TrustValue.Interaction> history = List.of(
                new TrustValue.Interaction(NOW, 1.2),
                new TrustValue.Interaction(NOW.minus(Duration.ofDays(10)), 0.9),
                new TrustValue.Interaction(NOW.minus(Duration.ofDays(30)), 0.6));
        assertThat(TrustValue.weight(NOW.minus(Duration.ofDays(10)), NOW, Duration.ofDays(365).dividedBy(3))).isCloseTo(0.921095, within(1e-6));
        // (1.2 + 0.9 · 0.921095 + 0.6 · 0.781472) / 2.702568 = 0.924258
        assertThat(TrustValue.of(history, List.of(), NOW)).isCloseTo(0.924258, within(1e-6));
        assertThat(TrustValue.of(List.of(), List.of(), NOW)).isEqualTo(1.0);
    }

    @Test
    void aPenaltyCutsTrustAndItsEffectDecays() {
        List<TrustValue.Interaction> history = List.of(
                new TrustValue.Interaction(NOW, 1.2),
                new TrustValue.Interaction(NOW.minus(Duration.ofDays(10)), 0.9),
                new TrustValue.Interaction(NOW.minus(Duration.ofDays(30)), 0.6));
        // Fresh, asymmetry 0.6: × (1 − 0.5 · 0.6) = × 0.7 → 0.646980
        assertThat(TrustValue.of(history, List.of(new TrustValue.Penalty(NOW, 0.6)), NOW)).isCloseTo(0.646980, within(1e-6));
        // 4τ = 486.667 days old: × (1 − 0.3 · e^−1) = × 0.889636 → 0.822253
        Instant old = NOW.minus(Duration.ofDays(365).dividedBy(3).multipliedBy(4));
        assertThat(TrustValue.of(history, List.of(new TrustValue.Penalty(old, 0.6)), NOW)).isCloseTo(0.822253, within(1e-5));
    }

    @Test
    void informationAsymmetryIsConcealedTimeOverLeadTimeCapped() {
        // Concealed for 3 days of a 10-day lead time: a = 0.3; longer than the lead time: 1; nothing concealed: 0.
        assertThat(TrustValue.asymmetry(java.time.Duration.ofDays(3), java.time.Duration.ofDays(10))).isCloseTo(0.3, within(1e-12));
        assertThat(TrustValue.asymmetry(java.time.Duration.ofDays(12), java.time.Duration.ofDays(10))).isEqualTo(1);
        assertThat(TrustValue.asymmetry(java.time.Duration.ZERO, java.time.Duration.ofDays(10))).isZero();
    }

    @Test
    void sharingLevelHasHysteresis() {
        assertThat(SharingLevel.next(SharingLevel.REAL_TIME, 0.79)).isEqualTo(SharingLevel.POLLING);
        assertThat(SharingLevel.next(SharingLevel.POLLING, 0.9)).isEqualTo(SharingLevel.POLLING);
        assertThat(SharingLevel.next(SharingLevel.REAL_TIME, 0.9)).isEqualTo(SharingLevel.REAL_TIME);
        assertThat(SharingLevel.next(SharingLevel.POLLING, 0.95)).isEqualTo(SharingLevel.REAL_TIME);
        assertThat(SharingLevel.next(SharingLevel.REAL_TIME, 0.8)).isEqualTo(SharingLevel.REAL_TIME);
    }

    @Test
    void earlyAndLateCountAlikeOutsideTheWindow() {
        java.time.Instant earliest = java.time.Instant.parse("2026-03-10T00:00:00Z");
        java.time.Instant due = java.time.Instant.parse("2026-03-20T00:00:00Z");
        // Inside the window: on time.
        assertThat(Reciprocity.outsideWindow(earliest, due, java.time.Instant.parse("2026-03-15T00:00:00Z"))).isZero();
        // Two days late and two days early are the same two days.
        assertThat(Reciprocity.outsideWindow(earliest, due, java.time.Instant.parse("2026-03-22T00:00:00Z"))).isEqualTo(Duration.ofDays(2));
        assertThat(Reciprocity.outsideWindow(earliest, due, java.time.Instant.parse("2026-03-08T00:00:00Z"))).isEqualTo(Duration.ofDays(2));
        // Seven weeks before earliest over a 30-day lead time: 49 days outside ≥ 30, punctuality 0 (not 1 as before).
        Duration early = Reciprocity.outsideWindow(earliest, due, earliest.minus(Duration.ofDays(49)));
        assertThat(early).isEqualTo(Duration.ofDays(49));
        assertThat(Reciprocity.punctuality(early, Duration.ofDays(30))).isZero();
        // Three days early over 30 days: 1 − 3/30 = 0.9.
        assertThat(Reciprocity.punctuality(Reciprocity.outsideWindow(earliest, due, earliest.minus(Duration.ofDays(3))), Duration.ofDays(30)))
                .isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
    }
}
