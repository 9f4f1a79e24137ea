package org.hanse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.hanse.core.replenishment.OrderUpTo;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the closed-form bullwhip results of Chen, Drezner, Ryan &amp; Simchi-Levi (2000), "Quantifying
 * the bullwhip effect in a simple supply chain", Management Science 46(3): a four-stage chain, i.i.d. normal end demand
 * (μ = 100, σ = 10), lead time L = 2 at every stage, p = 5, z = 0, negative orders allowed, 20 replications of 4,000
 * days after 100 warm-up days.
 * <p>
 * Tolerance: the estimate of a variance ratio from n ≈ 4,000 autocorrelated days has a relative standard error of a
 * few per cent per replication, about 1 % over 20; we accept 3 % of the expected value (or 1.5 × the 95 % CI if wider),
 * which a correct model passes with room and a wrong lead-time or forecast convention (off by 10 % or more) fails.
 */
class ChenBullwhipValidationTest {

    static String chain(String sharing) {
        return """
                name: chen-%s
                horizon: 4100
                warm-up: 100
                replications: 20
                seed: 2000
                policy: { kind: textbook, p: 5, z: 0, allow-negative-orders: true, information-sharing: %s }
                nodes:
                  - { id: retailer, tier: 1, lead-time: 2, demand: { kind: normal, mean: 100, sd: 10 } }
                  - { id: wholesaler, tier: 2, lead-time: 2 }
                  - { id: distributor, tier: 3, lead-time: 2 }
                  - { id: factory, tier: 4, lead-time: 2 }
                links:
                  - { buyer: retailer, supplier: wholesaler }
                  - { buyer: wholesaler, supplier: distributor }
                  - { buyer: distributor, supplier: factory }
                """.formatted(sharing, sharing);
    }

    static void within(Estimate e, double expected) {
        double tolerance = Math.max(0.03 * expected, 1.5 * e.ci95());
        assertThat(e.mean()).as("expected %s ± %s, CI %s", expected, tolerance, e.ci95()).isBetween(expected - tolerance, expected + tolerance);
    }

    @Test
    void singleStageBullwhipIsOnePlus2LOverPPlus2LSquaredOverPSquared() {
        Summary s = Simulator.run(ScenarioReader.parse(chain("decentralized"), null), 2, null).summary();
        // 1 + 2·2/5 + 2·4/25 = 2.12
        assertThat(OrderUpTo.bullwhip(2, 5)).isEqualTo(2.12, org.assertj.core.api.Assertions.within(1e-12));
        within(s.tiers().get(0).bullwhip(), 2.12);
    }

    @Test
    void centralizedStagesFollowTheCumulativeLeadTime() {
        Summary s = Simulator.run(ScenarioReader.parse(chain("centralized"), null), 2, null).summary();
        // 1 + 2ΣL/p + 2(ΣL)²/p² with ΣL = 2, 4, 6, 8: 2.12, 3.88, 6.28, 9.32.
        double[] expected = {2.12, 3.88, 6.28, 9.32};
        for (int k = 0; k < 4; k++) {
            assertThat(OrderUpTo.bullwhip(new double[] {2, 2, 2, 2}.length > k ? java.util.Arrays.copyOf(new double[] {2, 2, 2, 2}, k + 1)
                    : null, 5, true)).isEqualTo(expected[k], org.assertj.core.api.Assertions.within(1e-9));
            within(s.tiers().get(k).bullwhip(), expected[k]);
        }
    }

    @Test
    void decentralizedStagesAmplifyAtLeastByTheProductBoundAndExactlyByTheCascadedFilter() {
        Summary s = Simulator.run(ScenarioReader.parse(chain("decentralized"), null), 2, null).summary();
        // Published lower bound: Π (1 + 2L/p + 2L²/p²) = 2.12^k. With z = 0 each stage is the filter
        // q_t = (1 + L/p) d_t − (L/p) d_{t−p}; k stages in cascade have Var ratio Σ h_j² of the k-fold convolution.
        double[] filter = new double[6];
        filter[0] = 1 + 2 / 5.0;
        filter[5] = -2 / 5.0;
        double[] h = {1};
        for (int k = 1; k <= 4; k++) {
            h = convolve(h, filter);
            double exact = 0;
            for (double x : h) {
                exact += x * x;
            }
            double bound = Math.pow(2.12, k);
            assertThat(exact).isGreaterThanOrEqualTo(bound - 1e-9);
            assertThat(OrderUpTo.bullwhip(java.util.Arrays.copyOf(new double[] {2, 2, 2, 2}, k), 5, false)).isCloseTo(bound,
                    org.assertj.core.api.Assertions.within(1e-9));
            within(s.tiers().get(k - 1).bullwhip(), exact);
            assertThat(s.tiers().get(k - 1).bullwhip().mean()).isGreaterThan(bound * 0.97);
        }
        // Centralized information beats decentralized from stage 2 on (Chen et al.'s main point).
        Summary central = Simulator.run(ScenarioReader.parse(chain("centralized"), null), 2, null).summary();
        for (int k = 1; k < 4; k++) {
            assertThat(central.tiers().get(k).bullwhip().mean()).isLessThan(s.tiers().get(k).bullwhip().mean());
        }
    }

    static double[] convolve(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }
}
