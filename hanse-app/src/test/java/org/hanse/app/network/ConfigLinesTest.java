package org.hanse.app.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Problem paths are placed on the line of the file that causes them (lines counted by hand below). */
class ConfigLinesTest {

    static final String CONFIG = """
            # comment on line 1
            node:
              id: tischlerei
              name: "Tischlerei"
              location: { lat: 52.0, lon: 8.5 }
            modules: [order-sync, inventory-notify]
            bom-mapping:
              - local: OAK-18
                material: "06901234000122"
                unit: { local: sheet, code: XXX, factor: 1 }
              - local: VARNISH
                material: "06901234000238"
            """;

    @Test
    void pathsLieOnTheirLines() {
        ConfigLines lines = ConfigLines.of(CONFIG);
        assertThat(lines.lineOf("node")).isEqualTo(2);
        assertThat(lines.lineOf("node.id")).isEqualTo(3);
        assertThat(lines.lineOf("node.location.lon")).isEqualTo(5);
        assertThat(lines.lineOf("modules[1]")).isEqualTo(6);
        assertThat(lines.lineOf("bom-mapping[0]")).isEqualTo(8);
        assertThat(lines.lineOf("bom-mapping[0].unit.code")).isEqualTo(10);
        assertThat(lines.lineOf("bom-mapping[1].material")).isEqualTo(12);
    }

    @Test
    void aMissingFieldLiesOnItsNearestParent() {
        ConfigLines lines = ConfigLines.of(CONFIG);
        // bom-mapping[1] has no unit: the problem belongs to the entry that lacks it.
        assertThat(lines.lineOf("bom-mapping[1].unit")).isEqualTo(11);
        assertThat(lines.lineOf("node.roles")).isEqualTo(2);
        assertThat(lines.lineOf("response-timeout")).isZero();
        assertThat(lines.lineOf("")).isZero();
    }

    @Test
    void aFileThatDoesNotParseHasNoLines() {
        assertThat(ConfigLines.of("node: [unclosed").lineOf("node")).isZero();
    }

    @Test
    void pathsBecomePointers() {
        assertThat(ConfigLines.pointer("a.b[2].c")).isEqualTo("/a/b/2/c");
        assertThat(ConfigLines.pointer("x[0][1]")).isEqualTo("/x/0/1");
    }
}
