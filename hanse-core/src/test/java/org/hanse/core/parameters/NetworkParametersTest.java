package org.hanse.core.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hanse.core.relation.Density;
import org.hanse.core.relation.Density.RelationClass;
import org.hanse.core.trust.Dimensions;
import org.hanse.core.validation.Problem;
import org.junit.jupiter.api.Test;

class NetworkParametersTest {

    @Test
    void defaultsAreTheValuesOfTheRules() {
        NetworkParameters d = NetworkParameters.DEFAULTS;
        assertThat(d.density().theta1()).isEqualTo(0.5);
        assertThat(d.density().windowDays()).isEqualTo(90);
        assertThat(d.density().referenceFrequency()).isCloseTo(1 / 7.0, within(1e-15));
        assertThat(d.ordering().thetaU()).isEqualTo(0.6);
        assertThat(d.trust().pollingBelow()).isEqualTo(0.8);
        assertThat(d.trust().realTimeFrom()).isEqualTo(0.95);
        assertThat(d.trust().promised()).isEqualTo(new Dimensions(0.95, 0.98, 0.95));
        assertThat(d.trust().weights()).isEqualTo(new Dimensions(0.4, 0.4, 0.2));
        assertThat(d.payment().creditWindowDays()).isEqualTo(180);
        assertThat(d.exit().plannedCycles()).isEqualTo(3);
        assertThat(d.transmission().maxHops()).isEqualTo(4);
        // The rules' constants are these defaults.
        assertThat(Density.THETA_1).isEqualTo(0.5);
        assertThat(Dimensions.DEFAULT_WEIGHTS).isEqualTo(d.trust().weights());
    }

    @Test
    void anEmptyTreeIsTheDefaultsAndTheTreeReadsBackToTheSameSet() {
        assertThat(NetworkParametersReader.read(null).orElseThrow()).isEqualTo(NetworkParameters.DEFAULTS);
        assertThat(NetworkParametersReader.read(Map.of()).orElseThrow()).isEqualTo(NetworkParameters.DEFAULTS);
        Map<String, Object> tree = NetworkParameters.DEFAULTS.toTree();
        assertThat(((Map<?, ?>) tree.get("density")).get("window-days")).isEqualTo(90L);
        assertThat(NetworkParametersReader.read(tree).orElseThrow()).isEqualTo(NetworkParameters.DEFAULTS);
    }

    @Test
    void aPartialTreeChangesOnlyWhatItNames() {
        NetworkParameters p = NetworkParametersReader.read(Map.of("density", Map.of("theta1", 0.9), "ordering", Map.of("theta-u", "0.75")))
                .orElseThrow();
        assertThat(p.density().theta1()).isEqualTo(0.9);
        assertThat(p.ordering().thetaU()).isEqualTo(0.75);
        assertThat(p.density().theta2Base()).isEqualTo(3.0);
    }

    @Test
    void everyBadValueIsAProblemAtItsPath() {
        Map<String, Object> tree = Map.of(
                "density", Map.of("theta1", 200, "window-days", 90.5, "colour", "red"),
                "trust", Map.of("pi0", Double.NaN, "promised", 0.9),
                "ordering", "fast",
                "budget", Map.of());
        List<Problem> problems = NetworkParametersReader.read(tree).problems();
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
                "density.theta1", "density.window-days", "density.colour", "trust.pi0", "trust.promised", "ordering", "budget");
        assertThat(problems).filteredOn(p -> p.path().equals("density.theta1")).extracting(Problem::message)
                .containsExactly("must be a finite number from 0.01 to 100");
        assertThat(problems).filteredOn(p -> p.path().equals("density.window-days")).extracting(Problem::message)
                .containsExactly("must be a whole number");
        assertThat(NetworkParametersReader.read(List.of(1)).problems()).extracting(Problem::path).containsExactly("");
    }

    @Test
    void crossFieldRulesNameTheLowerParameter() {
        List<Problem> problems = NetworkParametersReader.read(Map.of(
                "density", Map.of("theta1", 3.0),
                "trust", Map.of("polling-below", 0.95, "min-window-days", 400, "weights", Map.of("information", 0.3)),
                "payment", Map.of("realignment-below", 1.2),
                "exit", Map.of("similarity-weight", 0.7))).problems();
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
                "density.theta1", "trust.polling-below", "trust.min-window-days", "trust.weights", "payment.realignment-below",
                "exit.proximity-weight");
        assertThat(problems).filteredOn(p -> p.path().equals("density.theta1")).extracting(Problem::message)
                .containsExactly("must be less than density.theta2-base (3)");
        assertThat(problems).filteredOn(p -> p.path().equals("trust.weights")).extracting(Problem::message).first().asString()
                .endsWith("must sum to 1, not 1.1");
    }

    @Test
    void aPairNegotiatesOnlyPromisedLevelsAndWeights() {
        NetworkParameters network = NetworkParameters.DEFAULTS;
        Map<String, Double> pair = NetworkParametersReader.readPair(Map.of("trust", Map.of(
                "promised", Map.of("punctuality", 0.9),
                "weights", Map.of("punctuality", 0.5, "qualified", 0.3, "information", 0.2))), network).orElseThrow();
        NetworkParameters applied = network.withPair(pair);
        assertThat(applied.trust().promised()).isEqualTo(new Dimensions(0.9, 0.98, 0.95));
        assertThat(applied.trust().weights()).isEqualTo(new Dimensions(0.5, 0.3, 0.2));
        assertThat(applied.density()).isEqualTo(network.density());

        assertThat(NetworkParametersReader.readPair(Map.of("density", Map.of("theta1", 0.4)), network).problems())
                .extracting(Problem::path).containsExactly("density.theta1");
        // Weights that no longer sum to 1 once merged with the network's are refused at the group.
        assertThat(NetworkParametersReader.readPair(Map.of("trust", Map.of("weights", Map.of("punctuality", 0.6))), network).problems())
                .extracting(Problem::path).containsExactly("trust.weights");
    }

    @Test
    void densityUsesTheGivenThetaOneAndHysteresis() {
        // ρ = 0.6: COLLABORATIVE under the default θ1 = 0.5, MARKET under θ1 = 0.7 (0.6 < 0.7 · 0.95 = 0.665).
        NetworkParameters raised = NetworkParametersReader.read(Map.of("density", Map.of("theta1", 0.7))).orElseThrow();
        assertThat(Density.reassess(RelationClass.COLLABORATIVE, 0.6, 3)).isEqualTo(RelationClass.COLLABORATIVE);
        assertThat(Density.reassess(RelationClass.COLLABORATIVE, 0.6, 3, raised.density())).isEqualTo(RelationClass.MARKET);
        // With the 5 % band around 0.7: 0.67 stays COLLABORATIVE (≥ 0.665).
        assertThat(Density.reassess(RelationClass.COLLABORATIVE, 0.67, 3, raised.density())).isEqualTo(RelationClass.COLLABORATIVE);
        // ρ with f_ref = 1/14: 13 orders in 90 days, κ = 0 → 0.5 · 0.144444 · 14 = 1.011111.
        NetworkParameters slower = NetworkParametersReader.read(Map.of("density", Map.of("reference-interval-days", 14))).orElseThrow();
        assertThat(Density.rho(13, 0, 90, 0, slower.density())).isCloseTo(1.011111, within(1e-6));
        assertThat(Density.theta2(0, 0, NetworkParametersReader.read(Map.of("density", Map.of("theta2-base", 4))).orElseThrow().density()))
                .isEqualTo(4);
    }
}
