package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench jar's command line is the server's plus {@code bench}; the server's own has no bench. */
class HanseBenchCliTest {

    @Test
    void benchListsItsFiveBenchesAndTheServerCommandLineHasNone() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new HanseCli()).addSubcommand(new BenchCli());
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("bench", "--help")).isZero();
        assertThat(cli.getSubcommands().get("bench").getSubcommands().keySet())
                .containsExactly("orders", "crash", "sim", "analytics", "ledger");
        assertThat(cli.getSubcommands()).containsKeys("serve", "ledger");
        assertThat(out.toString()).contains("Usage: hanse bench");
        assertThat(new CommandLine(new HanseCli()).getSubcommands()).doesNotContainKey("bench");
    }

    @Test
    void crashRefusesZeroKillsBeforeStartingAnything() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HanseCli()).addSubcommand(new BenchCli());
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("bench", "crash", "--kills", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--kills 1..1000");
    }
}
