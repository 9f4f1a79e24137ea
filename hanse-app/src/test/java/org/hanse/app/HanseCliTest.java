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
}
