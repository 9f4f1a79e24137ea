package org.hanse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Same seed → byte-identical summary.json, whatever the number of threads; another seed → another result. */
class DeterminismTest {

    static final String SCENARIO = """
            name: determinism
            horizon: 200
            warm-up: 20
            replications: 6
            seed: %d
            policy: { kind: hanse, service-level: 0.95 }
            mechanisms: all
            generate: { nodes: 60, tiers: 3, lead-time: 2 }
            disruptions:
              - { kind: exit, node: t2-3, day: 80 }
              - { kind: capacity, node: t3-1, day: 120, days: 20, factor: 0.3 }
            """;

    @Test
    void sameSeedSameBytesWhateverTheThreads() {
        Scenario s = ScenarioReader.parse(SCENARIO.formatted(42), null);
        String one = SummaryJson.write(s, Simulator.run(s, 1, null).summary());
        String two = SummaryJson.write(s, Simulator.run(s, 2, null).summary());
        String four = SummaryJson.write(s, Simulator.run(s, 4, null).summary());
        assertThat(two).isEqualTo(one);
        assertThat(four).isEqualTo(one);
        Scenario other = ScenarioReader.parse(SCENARIO.formatted(43), null);
        assertThat(SummaryJson.write(other, Simulator.run(other, 2, null).summary())).isNotEqualTo(one);
        assertThat(one).contains("\"replications\": 6").contains("\"tiers\": [").contains("\"bullwhip\": {\"mean\": ");
    }
}
