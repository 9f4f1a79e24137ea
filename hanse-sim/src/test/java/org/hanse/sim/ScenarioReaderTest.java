package org.hanse.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hanse.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files: every problem named by its path, nothing run; CSV demand series; the generator. */
class ScenarioReaderTest {

    @Test
    void everyProblemIsListedWithItsPath() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioReader.parse("""
                horizon: 100
                warm-up: 100
                policy: { kind: magic, p: 0 }
                mechanisms: { trust: yes-please }
                nodes:
                  - { id: a, tier: 1, lead-time: { distribution: uniform, min: 3, max: 2 } }
                  - { id: b, tier: 3, lead-time: 2, colour: red }
                links:
                  - { buyer: a, supplier: b }
                  - { buyer: a, supplier: zz }
                disruptions:
                  - { kind: exit, node: nobody, day: 5 }
                  - { kind: meteor, day: 5 }
                """, null));
        assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactlyInAnyOrder(
                "warm-up: must be shorter than the horizon (100 days)",
                "policy.kind: must be textbook, base-stock or hanse",
                "policy.p: must be a whole number from 1 to 365",
                "mechanisms.trust: must be true or false",
                "nodes[0].demand: is required for a tier-1 node (it faces end customers)",
                "nodes[0].lead-time.max: must be at least min (3)",
                "nodes[1].colour: unknown field; expected one of [capacity, defect-rate, demand, equipment, id, initial-inventory, lead-time, location, payment-delay, tier, unit-price]",
                "links[0].supplier: must be in the next tier up (tier 2), is in tier 3",
                "links[1].supplier: is not a node id",
                "links[1].buyer: already has a supplier (one supplier per buyer; substitution finds others)",
                "disruptions[0].node: is not a node id",
                "disruptions[1].kind: must be exit, capacity, transport-delay or price");
    }

    @Test
    void aCsvSeriesDrivesDemand(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sales.csv"), "week,units\n1,10\n2,30\n3,20\n");
        Files.writeString(dir.resolve("s.yaml"), """
                horizon: 6
                replications: 1
                policy: { kind: textbook, p: 1 }
                nodes:
                  - { id: shop, tier: 1, lead-time: 1, demand: { kind: csv, file: sales.csv, column: units } }
                """);
        Scenario s = ScenarioReader.read(dir.resolve("s.yaml"));
        Demand d = s.nodes().get(0).demand();
        assertThat(new double[] {d.sample(null, 0), d.sample(null, 1), d.sample(null, 2), d.sample(null, 3)}).containsExactly(10, 30, 20, 10);
        assertThat(d.mean()).isEqualTo(20);
        Simulator.Run run = Simulator.run(s, 1, null);
        // p = 1, L = 1: q_t = d_t + (d_t − d_{t−1}); the orders of days 1..3 are 30 + 20 = 50, 20 − 10 = 10, 10 − 10 = 0.
        assertThat(run.series()[1][1][1]).isEqualTo(50);
        assertThat(run.series()[2][1][1]).isEqualTo(10);
        assertThat(run.series()[3][1][1]).isEqualTo(0);
    }

    @Test
    void theGeneratorBuildsTiersThatHalveUpstreamWithOneSupplierEach() {
        NetworkGenerator.Network n = NetworkGenerator.generate(new NetworkGenerator.Spec(10_000, 4, 100, 20, 2, 1.5), 1);
        assertThat(n.nodes()).hasSize(10_000);
        // 8 : 4 : 2 : 1 of 10,000 → 666, 1333, 2666 upstream, the rest (5335) in tier 1.
        assertThat(n.nodes().stream().filter(x -> x.tier() == 4).count()).isEqualTo(666);
        assertThat(n.nodes().stream().filter(x -> x.tier() == 3).count()).isEqualTo(1333);
        assertThat(n.nodes().stream().filter(x -> x.tier() == 2).count()).isEqualTo(2666);
        assertThat(n.nodes().stream().filter(x -> x.tier() == 1).count()).isEqualTo(5335);
        assertThat(n.links()).hasSize(10_000 - 666);
        // Fan-out 4: tiers 16 : 4 : 1 of 2,100 → 100 and 400 upstream, 1,600 in tier 1.
        NetworkGenerator.Network wide = NetworkGenerator.generate(new NetworkGenerator.Spec(2_100, 3, 100, 20, 2, 1.5, 4), 1);
        assertThat(wide.nodes().stream().filter(x -> x.tier() == 3).count()).isEqualTo(100);
        assertThat(wide.nodes().stream().filter(x -> x.tier() == 2).count()).isEqualTo(400);
        assertThat(wide.nodes().stream().filter(x -> x.tier() == 1).count()).isEqualTo(1_600);
        assertThat(NetworkGenerator.generate(new NetworkGenerator.Spec(500, 3, 100, 20, 2, 1.5), 9))
                .isEqualTo(NetworkGenerator.generate(new NetworkGenerator.Spec(500, 3, 100, 20, 2, 1.5), 9));
    }
}
