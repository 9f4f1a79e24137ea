package org.hanse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Serial chains run on {@link SerialChain}; it must give the very bytes the general engine gives (summary.json and the
 * daily series), across lead times, policies, demand processes, capacities and starting stock.
 */
class ChainPathTest {

    static final String CHAIN = """
            name: chain
            horizon: %d
            warm-up: 30
            replications: 3
            seed: %d
            policy: %s
            nodes:
            %s
            """;

    static String chain(int horizon, long seed, String policy, String... stages) {
        StringBuilder nodes = new StringBuilder();
        StringBuilder links = new StringBuilder("links:\n");
        for (int k = 0; k < stages.length; k++) {
            nodes.append("  - { id: s").append(k + 1).append(", tier: ").append(k + 1).append(", ").append(stages[k]).append(" }\n");
            if (k > 0) {
                links.append("  - { buyer: s").append(k).append(", supplier: s").append(k + 1).append(" }\n");
            }
        }
        return CHAIN.formatted(horizon, seed, policy, nodes.toString().stripTrailing()) + (stages.length > 1 ? links : "");
    }

    static void sameBytes(String yaml) {
        Scenario s = ScenarioReader.parse(yaml, null);
        assertThat(SerialChain.applies(new Model(s))).as("runs as a serial chain").isTrue();
        Simulator.Run fast = Simulator.run(s, 2, null, true);
        Simulator.Run general = Simulator.run(s, 2, null, false);
        assertThat(SummaryJson.write(s, fast.summary())).isEqualTo(SummaryJson.write(s, general.summary()));
        assertThat(fast.series()).isDeepEqualTo(general.series());
    }

    @Test
    void chenChainDecentralizedAndCentralized() {
        String[] stages = {"lead-time: 2, demand: { kind: normal, mean: 100, sd: 10 }", "lead-time: 3", "lead-time: 1", "lead-time: 4"};
        sameBytes(chain(1500, 7, "{ kind: textbook, p: 5, z: 0, allow-negative-orders: true }", stages));
        sameBytes(chain(1500, 8, "{ kind: textbook, p: 5, z: 0, allow-negative-orders: true, information-sharing: centralized }", stages));
    }

    @Test
    void safetyStockWithoutReturnsAndLimitedCapacity() {
        // z > 0, orders floored at 0, a tight middle stage: backlogs, stockouts and partial shipments on every path.
        sameBytes(chain(1200, 9, "{ kind: textbook, p: 3, z: 1.65 }",
                "lead-time: 2, demand: { kind: normal, mean: 100, sd: 40 }", "lead-time: 2, capacity: 105",
                "lead-time: 3, initial-inventory: 50"));
        sameBytes(chain(800, 10, "{ kind: textbook, p: 8, z: 2, information-sharing: centralized }",
                "lead-time: 1, demand: { kind: poisson, mean: 12 }, initial-inventory: 0", "lead-time: 5, capacity: 13"));
    }

    @Test
    void oneStageAndConstantDemand() {
        sameBytes(chain(400, 11, "{ kind: textbook, p: 5, z: 1 }", "lead-time: 3, demand: { kind: normal, mean: 50, sd: 20 }"));
        sameBytes(chain(400, 12, "{ kind: textbook, p: 2, z: 0 }", "lead-time: 2, demand: { kind: constant, value: 30 }", "lead-time: 2"));
    }

    @Test
    void networksAndMechanismsStayOnTheGeneralEngine() {
        String withSharing = chain(100, 1, "{ kind: textbook, p: 5, z: 0 }", "lead-time: 2, demand: { kind: normal, mean: 100, sd: 10 }", "lead-time: 2")
                + "mechanisms: { forecast-sharing: true }\n";
        assertThat(SerialChain.applies(new Model(ScenarioReader.parse(withSharing, null)))).isFalse();
        String drawnLead = chain(100, 1, "{ kind: textbook, p: 5, z: 0 }", "lead-time: { distribution: uniform, min: 1, max: 3 }, demand: { kind: normal, mean: 100, sd: 10 }");
        assertThat(SerialChain.applies(new Model(ScenarioReader.parse(drawnLead, null)))).isFalse();
        assertThat(SerialChain.applies(new Model(ScenarioReader.parse(DeterminismTest.SCENARIO.formatted(1), null)))).isFalse();
    }
}
