package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HanseCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new HanseCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void validFileExitsZero() throws IOException {
        Path file = dir.resolve("oak.yaml");
        Files.writeString(file, NetworkApiContract.config("zj-oak-furniture", "Zhejiang Oak Furniture Co.", "order-sync"));
        assertThat(run("node", "validate", file.toString())).isZero();
        assertThat(out.toString()).contains("valid config for node zj-oak-furniture (2 BOM rows");
    }

    @Test
    void everyProblemIsPrintedWithItsPathAndTheExitIsNonZero() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, NetworkApiContract.config("zj-oak-furniture", "Oak", "order-sync")
                .replace("\"06901234000238\"", "\"06901234000239\"")
                .replace("lat: 30.27", "lat: 130.27")
                + "  - local: HINGE-35\n    material: \"4006381333932\"\n    unit: { local: piece, code: H87, factor: 1 }\n");
        assertThat(run("node", "validate", file.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "node.location.lat: must lie in [-90, 90]",
                "bom-mapping[1].material: GTIN check digit should be 8",
                "bom-mapping[2].material: GTIN check digit should be 1",
                file + ": 3 problems");
    }

    @Test
    void unreadableAndMissingFilesFail() throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "node: [\n");
        assertThat(run("node", "validate", broken.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("not valid YAML (line ");
        assertThat(run("node", "validate", dir.resolve("missing.yaml").toString())).isEqualTo(2);
    }

    @Test
    void everyDemoNodeFileIsValid() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/demo/nodes"))) {
            for (Path file : files.toList()) {
                assertThat(run("node", "validate", file.toString())).as(file + ": " + err).isZero();
            }
        }
    }

    @Test
    void simulateWritesTheSummaryTheSeriesAndAnOfflineReport() throws IOException {
        Path scenario = dir.resolve("chain.yaml");
        Files.writeString(scenario, """
                name: cli-chain
                horizon: 300
                warm-up: 20
                replications: 3
                seed: 5
                policy: { kind: textbook, p: 5, z: 0, allow-negative-orders: true }
                nodes:
                  - { id: shop, tier: 1, lead-time: 2, demand: { kind: normal, mean: 100, sd: 10 } }
                  - { id: maker, tier: 2, lead-time: 2 }
                links:
                  - { buyer: shop, supplier: maker }
                """);
        Path out = dir.resolve("out");
        assertThat(run("simulate", scenario.toString(), "--out", out.toString(), "--threads", "2")).as(err.toString()).isZero();
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"replications\": 3").contains("{\"tier\": 1, \"bullwhip\": {\"mean\": ")
                .contains("{\"id\": \"shop\", \"tier\": 1, \"fillRate\": {\"mean\": ");
        assertThat(Files.readAllLines(out.resolve("series.csv"))).hasSize(1 + 300 * 2).first()
                .isEqualTo("day,tier,endDemand,orders,inventory,backlog,fillRate,trust");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg").contains("Bullwhip ratio per tier").doesNotContain("<script").doesNotContain("http://cdn");
        assertThat(this.out.toString()).contains("tier 1: bullwhip");

        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(scenario).replace("name: cli-chain", "name: cli-chain-centralized")
                .replace("allow-negative-orders: true", "allow-negative-orders: true, information-sharing: centralized"));
        assertThat(run("simulate", "--compare", scenario.toString(), other.toString(), "--out", dir.resolve("cmp").toString())).isZero();
        assertThat(Files.readString(dir.resolve("cmp/compare.html"))).contains("A = cli-chain").contains("B = cli-chain-centralized");
    }

    @Test
    void aBadScenarioListsItsProblemsAndRunsNothing() throws IOException {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, "horizon: 0\nnodes:\n  - { id: shop, tier: 1, lead-time: 2 }\n");
        assertThat(run("simulate", scenario.toString(), "--out", dir.resolve("never").toString())).isEqualTo(1);
        assertThat(err.toString().lines()).contains("horizon: must be a whole number from 1 to 10000000",
                "nodes[0].demand: is required for a tier-1 node (it faces end customers)");
        assertThat(Files.exists(dir.resolve("never"))).isFalse();
    }
}
