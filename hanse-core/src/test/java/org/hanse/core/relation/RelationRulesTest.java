package org.hanse.core.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hanse.core.digest.Sha256;
import org.hanse.core.relation.Density.RelationClass;
import org.junit.jupiter.api.Test;

class RelationRulesTest {

    @Test
    void densityOfAPairAgainstTheNetworksMedian() {
        // Daily amounts of the active pairs 200, 500, 800, 1000: median 650, κ = 1/650.
        double kappa = Density.kappa(List.of(200.0, 500.0, 800.0, 1000.0, 0.0));
        assertThat(kappa).isCloseTo(1 / 650.0, within(1e-12));
        assertThat(Density.kappa(List.of(800.0, 200.0, 500.0))).isCloseTo(0.002, within(1e-12));
        // 13 orders worth 45,000 in 90 days: f = 0.144444/d, m = 500/d;
        // ρ = 0.5 · 0.144444 · 7 + 0.5 · 500 / 650 = 0.505556 + 0.384615 = 0.890171
        assertThat(Density.rho(13, 45_000, 90, kappa)).isCloseTo(0.890171, within(1e-6));
    }

    @Test
    void secondThresholdForSeveralSpareCapacitiesAndSwitchingCosts() {
        assertThat(Density.theta2(0, 0)).isEqualTo(3);
        assertThat(Density.theta2(1, 0)).isEqualTo(6);
        assertThat(Density.theta2(0.5, 2)).isCloseTo(1.5, within(1e-12));
        assertThat(Density.theta2(0.2, 0.5)).isCloseTo(2.4, within(1e-12));
    }

    @Test
    void classesWithAndWithoutHysteresis() {
        assertThat(Density.classify(0.49, 3)).isEqualTo(RelationClass.MARKET);
        assertThat(Density.classify(0.5, 3)).isEqualTo(RelationClass.COLLABORATIVE);
        assertThat(Density.classify(3.0, 3)).isEqualTo(RelationClass.COLLABORATIVE);
        assertThat(Density.classify(3.01, 3)).isEqualTo(RelationClass.LOCK_IN_RISK);
        // Up from MARKET needs 0.5 · 1.05 = 0.525; down from COLLABORATIVE needs below 0.475.
        assertThat(Density.reassess(RelationClass.MARKET, 0.52, 3)).isEqualTo(RelationClass.MARKET);
        assertThat(Density.reassess(RelationClass.MARKET, 0.525, 3)).isEqualTo(RelationClass.COLLABORATIVE);
        assertThat(Density.reassess(RelationClass.COLLABORATIVE, 0.48, 3)).isEqualTo(RelationClass.COLLABORATIVE);
        assertThat(Density.reassess(RelationClass.COLLABORATIVE, 0.47, 3)).isEqualTo(RelationClass.MARKET);
        // Around θ2 = 3: up needs more than 3.15, down below 2.85.
        assertThat(Density.reassess(RelationClass.COLLABORATIVE, 3.1, 3)).isEqualTo(RelationClass.COLLABORATIVE);
        assertThat(Density.reassess(RelationClass.COLLABORATIVE, 3.2, 3)).isEqualTo(RelationClass.LOCK_IN_RISK);
        assertThat(Density.reassess(RelationClass.LOCK_IN_RISK, 2.9, 3)).isEqualTo(RelationClass.LOCK_IN_RISK);
        assertThat(Density.reassess(RelationClass.LOCK_IN_RISK, 2.8, 3)).isEqualTo(RelationClass.COLLABORATIVE);
        assertThat(RelationClass.MARKET.sharesBuffers()).isFalse();
        assertThat(RelationClass.LOCK_IN_RISK.exceptionPriority()).isEqualTo("HIGH");
    }

    @Test
    void complementarityScores() {
        Map<String, Complementarity.Range> needed = Map.of("width", new Complementarity.Range(0, 1000), "thickness", new Complementarity.Range(10, 30));
        // b spare 100 − 60 = 40 covers a's overload 130 − 100 = 30 fully; only width fits: 1 × 0.5.
        assertThat(Complementarity.score(Complementarity.redundancy(100, 60), Complementarity.constraint(100, 130), needed,
                Map.of("width", new Complementarity.Range(0, 1200), "thickness", new Complementarity.Range(12, 40)))).isCloseTo(0.5, within(1e-12));
        // Spare 15 of the 30 needed, both ranges fit: 0.5 × 1.
        assertThat(Complementarity.score(15, 30, needed,
                Map.of("width", new Complementarity.Range(0, 1200), "thickness", new Complementarity.Range(5, 40)))).isCloseTo(0.5, within(1e-12));
        assertThat(Complementarity.score(50, 0, needed, Map.of())).isZero();
    }

    @Test
    void specificityBoundAtZeroOneAndFiveOrdersAWeek() {
        assertThat(Complementarity.specificityBound(0)).isCloseTo(0.4, within(1e-12));
        assertThat(Complementarity.specificityBound(1)).isCloseTo(0.716060, within(1e-6));
        assertThat(Complementarity.specificityBound(5)).isCloseTo(0.896631, within(1e-6));
        assertThat(Complementarity.specificityProblem(0.5, 0)).contains("asset specificity 0.500 exceeds 0.400, the bound at 0.00 orders a week");
        assertThat(Complementarity.specificityProblem(0.5, 1)).isEmpty();
        assertThat(Complementarity.specificityProblem(0.05, 5)).isPresent();
    }

    @Test
    void longestPathOnASmallDagWithTies() {
        // v_max = 200: A→C and B→C weigh 0.25 each (a tie), C→F 1.0, D→F 0.9. Best into F: A→C→F, 1.25.
        CriticalPath.Path path = CriticalPath.toward("F", List.of(
                new CriticalPath.Edge("B", "C", 100, 0.5), new CriticalPath.Edge("A", "C", 100, 0.5),
                new CriticalPath.Edge("C", "F", 200, 1.0), new CriticalPath.Edge("D", "F", 200, 0.9)));
        assertThat(path.nodes()).containsExactly("A", "C", "F");
        assertThat(path.weight()).isCloseTo(1.25, within(1e-12));
        assertThat(CriticalPath.tau(2.0, 8.0)).isEqualTo(0.75);
        assertThat(CriticalPath.tau(10.0, 8.0)).isZero();
        assertThat(CriticalPath.tau(null, 8.0)).isEqualTo(0.5);
    }

    @Test
    void cyclesAreReportedAndLeftOutOfTheLongestPath() {
        // A ring A→B→C→A feeds F through C (v_max = 200): the ring's edges carry no order, so the path into F is C→F
        // alone, weight 200/200 · 0.8 = 0.8; E→F (100/200 · 1.0 = 0.5) loses. P supplies itself: a cycle of one.
        List<CriticalPath.Edge> edges = List.of(
                new CriticalPath.Edge("A", "B", 50, 1.0), new CriticalPath.Edge("B", "C", 50, 1.0), new CriticalPath.Edge("C", "A", 50, 1.0),
                new CriticalPath.Edge("C", "F", 200, 0.8), new CriticalPath.Edge("E", "F", 100, 1.0), new CriticalPath.Edge("P", "P", 10, 1.0));
        assertThat(CriticalPath.cycles(edges)).containsExactly(List.of("A", "B", "C"), List.of("P"));
        CriticalPath.Path path = CriticalPath.toward("F", edges);
        assertThat(path.nodes()).containsExactly("C", "F");
        assertThat(path.weight()).isCloseTo(0.8, within(1e-12));
        // A reciprocal pair (X buys from Y and Y from X) is a cycle too; a DAG has none.
        assertThat(CriticalPath.cycles(List.of(new CriticalPath.Edge("X", "Y", 1, 1), new CriticalPath.Edge("Y", "X", 1, 1))))
                .containsExactly(List.of("X", "Y"));
        assertThat(CriticalPath.cycles(List.of(new CriticalPath.Edge("X", "Y", 1, 1), new CriticalPath.Edge("Y", "Z", 1, 1)))).isEmpty();
    }

    @Test
    void noVolumeGivesZeroWeightsNotNaN() {
        // v_max = 0: every share is 0, so the path weighs 0 and ties go to the smaller predecessor.
        CriticalPath.Path path = CriticalPath.toward("F", List.of(new CriticalPath.Edge("B", "F", 0, 0.5), new CriticalPath.Edge("A", "F", 0, 1.0)));
        assertThat(path.weight()).isZero();
        assertThat(path.nodes()).containsExactly("A", "F");
    }

    @Test
    void aDeepChainNeedsNoDeepStack() {
        // 200,000 tiers: the iterative component search and the topological pass handle it without recursion.
        List<CriticalPath.Edge> chain = new java.util.ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            chain.add(new CriticalPath.Edge("n" + i, "n" + (i + 1), 1, 1.0));
        }
        assertThat(CriticalPath.cycles(chain)).isEmpty();
        assertThat(CriticalPath.toward("n200000", chain).weight()).isCloseTo(200_000, within(1e-6));
    }

    @Test
    void relaysStopAtFourHopsAndRedundantCopiesAreCrossValidated() {
        assertThat(Relay.mayRelay(3)).isTrue();
        assertThat(Relay.mayRelay(4)).isFalse();
        String payload = "{\"order\":\"po-1\",\"status\":\"SHIPPED\"}";
        String digest = Sha256.hex(payload);
        assertThat(Relay.crossValidate(payload, payload, digest, false)).isEqualTo(Relay.Verdict.APPLY_ONCE);
        assertThat(Relay.crossValidate(payload, payload.replace("SHIPPED", "LOST"), digest, false)).isEqualTo(Relay.Verdict.INTEGRITY_MISMATCH);
        assertThat(Relay.crossValidate(payload, null, digest, false)).isEqualTo(Relay.Verdict.WAIT);
        assertThat(Relay.crossValidate(null, payload, digest, true)).isEqualTo(Relay.Verdict.DEGRADED);
        assertThat(Relay.crossValidate(payload.replace("SHIPPED", "LOST"), null, digest, true)).isEqualTo(Relay.Verdict.INTEGRITY_MISMATCH);
    }
}
