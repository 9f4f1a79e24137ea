package org.hanse.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.hanse.core.parameters.NetworkParameters;
import org.hanse.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A scenario's {@code parameters:} block is read by the server's reader: defaults when absent, problems under its path. */
class ScenarioParametersTest {

    static final String CHAIN = """
            horizon: 20
            replications: 1
            policy: { kind: hanse }
            nodes:
              - { id: shop, tier: 1, lead-time: 1, demand: { kind: normal, mean: 10, sd: 2 } }
            """;

    @Test
    void withoutTheBlockTheScenarioRunsOnTheDefaults() {
        assertThat(ScenarioReader.parse(CHAIN, null).parameters()).isEqualTo(NetworkParameters.DEFAULTS);
    }

    @Test
    void theBlockSetsTheNetworksParameters() {
        Scenario s = ScenarioReader.parse(CHAIN + "parameters:\n  ordering: { theta-u: 0.8 }\n  trust: { polling-below: 0.7 }\n", null);
        assertThat(s.parameters().ordering().thetaU()).isEqualTo(0.8);
        assertThat(s.parameters().trust().pollingBelow()).isEqualTo(0.7);
        assertThat(s.parameters().density()).isEqualTo(NetworkParameters.DEFAULTS.density());
    }

    @Test
    void badParametersAreNamedUnderTheBlock() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioReader.parse(CHAIN + "parameters:\n  density: { theta1: 0 }\n  speed: 3\n", null));
        assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactlyInAnyOrder(
                "parameters.density.theta1: must be greater than 0",
                "parameters.speed: unknown parameter; expected one of [density, ordering, trust, payment, exit, transmission]");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> ScenarioReader.parse(CHAIN + "parameters: 3\n", null)).problems())
                .extracting(p -> p.path()).containsExactly("parameters");
    }
}
