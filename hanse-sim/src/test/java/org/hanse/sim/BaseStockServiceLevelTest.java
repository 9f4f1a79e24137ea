package org.hanse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.hanse.core.buffer.NormalQuantile;
import org.junit.jupiter.api.Test;

/**
 * Base stock against the normal-quantile target: one stage supplied from outside with lead time L, i.i.d. normal
 * demand (μ = 100, σ = 20), S = L·μ + z·σ·√L. The net stock at the end of day t + L is S minus L days of demand, so the
 * share of days ending without backlog (cycle service level) is Φ(z) = α. 20 replications of 3,000 days: the standard
 * error of a daily service share from ≈ 60,000 correlated days is about 0.3 percentage points; we accept ±1 point.
 */
class BaseStockServiceLevelTest {

    static String scenario(double alpha, int lead) {
        return """
                horizon: 3050
                warm-up: 50
                replications: 20
                seed: 7
                policy: { kind: base-stock, service-level: %s }
                nodes:
                  - { id: shop, tier: 1, lead-time: %d, demand: { kind: normal, mean: 100, sd: 20 }, initial-inventory: 500 }
                """.formatted(alpha, lead);
    }

    @Test
    void cycleServiceLevelMeetsTheTargetAtSeveralLevels() {
        for (double alpha : new double[] {0.80, 0.90, 0.95, 0.99}) {
            Summary s = Simulator.run(ScenarioReader.parse(scenario(alpha, 4), null), 2, null).summary();
            assertThat(s.nodes().get(0).cycleServiceLevel().mean()).as("α = %s, z = %s", alpha, NormalQuantile.z(alpha))
                    .isCloseTo(alpha, org.assertj.core.api.Assertions.within(0.01));
        }
    }

    @Test
    void aHigherServiceLevelBuysFewerStockoutDaysWithMoreInventory() {
        Summary low = Simulator.run(ScenarioReader.parse(scenario(0.80, 4), null), 2, null).summary();
        Summary high = Simulator.run(ScenarioReader.parse(scenario(0.99, 4), null), 2, null).summary();
        assertThat(high.nodes().get(0).stockoutDays().mean()).isLessThan(low.nodes().get(0).stockoutDays().mean());
        assertThat(high.nodes().get(0).meanInventory().mean()).isGreaterThan(low.nodes().get(0).meanInventory().mean());
        // Expected on hand ≈ S − L·μ + (expected backlog) ≈ z·σ·√L: at 99 % about 2.326 · 20 · 2 = 93.
        assertThat(high.nodes().get(0).meanInventory().mean()).isBetween(88.0, 100.0);
    }
}
