package org.hanse.core.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferRuleTest {

    @Test
    void normalQuantileMatchesTheTables() {
        assertThat(NormalQuantile.z(0.95)).isCloseTo(1.644854, within(1e-6));
        assertThat(NormalQuantile.z(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(NormalQuantile.z(0.5)).isCloseTo(0, within(1e-12));
        assertThat(NormalQuantile.z(0.01)).isCloseTo(-2.326348, within(1e-6));
        assertThat(NormalQuantile.z(0.999)).isCloseTo(3.090232, within(1e-6));
    }

    @Test
    void textbookSafetyStock() {
        // z · sqrt(4 · 20² + 100² · 1²) = 1.645 · sqrt(11600) = 1.645 · 107.703 = 177.17
        assertThat(BufferRule.safetyStock(1.645, 100, 20, 4, 1)).isCloseTo(177.16, within(0.05));
        // No lead-time variability: z · σ_d · sqrt(L̄) = 2 · 10 · 3 = 60.
        assertThat(BufferRule.safetyStock(2, 50, 10, 9, 0)).isCloseTo(60, within(1e-9));
        // No demand variability: z · d̄ · σ_L = 1.5 · 40 · 2 = 120.
        assertThat(BufferRule.safetyStock(1.5, 40, 0, 5, 2)).isCloseTo(120, within(1e-9));
    }

    @Test
    void thresholdIntervalWithDefaults() {
        // d̄ = 100 (σ 20), L̄ = 4 (σ 1), α = 0.95 → z = 1.644854, SS = 177.156;
        // B_lo = SS + 100 · 1 = 277.156; B_hi = B_lo + 100 · 4 + 7 · 100 = 1377.156.
        BufferRule.Thresholds t = BufferRule.thresholds(BufferPolicy.DEFAULT, new Statistics(100, 20, 56), new Statistics(4, 1, 10), null);
        assertThat(t.safetyStock()).isCloseTo(177.156, within(1e-3));
        assertThat(t.low()).isCloseTo(277.156, within(1e-3));
        assertThat(t.high()).isCloseTo(1377.156, within(1e-3));
        assertThat(t.zoneOf(277.0)).isEqualTo(Zone.BELOW);
        assertThat(t.zoneOf(277.2)).isEqualTo(Zone.INSIDE);
        assertThat(t.zoneOf(1377.1)).isEqualTo(Zone.INSIDE);
        assertThat(t.zoneOf(1377.2)).isEqualTo(Zone.ABOVE);
    }

    @Test
    void sharedForecastsShrinkTheUpstreamBuffer() {
        // The downstream's forecast error 5 replaces σ_d = 20: SS = 1.644854 · sqrt(4 · 25 + 10000) = 1.644854 · 100.499 = 165.306.
        BufferRule.Thresholds t = BufferRule.thresholds(BufferPolicy.DEFAULT, new Statistics(100, 20, 56), new Statistics(4, 1, 10), 5.0);
        assertThat(t.safetyStock()).isCloseTo(165.306, within(1e-3));
    }

    @Test
    void lagAndLotAreParameters() {
        BufferPolicy policy = new BufferPolicy(0.5, Duration.ofHours(12), 2, Duration.ofHours(24));
        // z(0.5) = 0 → SS = 0; B_lo = 10 · 0.5 = 5; B_hi = 5 + 10 · 3 + 2 · 10 = 55.
        BufferRule.Thresholds t = BufferRule.thresholds(policy, new Statistics(10, 3, 56), new Statistics(3, 1, 5), null);
        assertThat(t.low()).isCloseTo(5, within(1e-9));
        assertThat(t.high()).isCloseTo(55, within(1e-9));
    }

    @Test
    void depletionTimeAndTheExpediteTrigger() {
        // (500 − 100) / 100 = 4 days.
        double days = BufferRule.depletionDays(500, 100, 100);
        assertThat(days).isEqualTo(4);
        assertThat(BufferRule.needsExpedite(days, 4.0)).isFalse();
        assertThat(BufferRule.needsExpedite(days, 4.01)).isTrue();
        assertThat(BufferRule.needsExpedite(BufferRule.depletionDays(501, 100, 100), 4.0)).isFalse();
        assertThat(BufferRule.depletionDays(50, 80, 10)).isZero();
        assertThat(BufferRule.depletionDays(50, 0, 0)).isInfinite();
    }

    @Test
    void statisticsUseTheSampleStandardDeviation() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 32, sample variance 32/7.
        Statistics s = Statistics.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
        assertThat(s.mean()).isEqualTo(5);
        assertThat(s.stdDev()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(Statistics.of(List.of(3.0)).stdDev()).isZero();
    }
}
