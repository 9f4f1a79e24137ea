package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The short form of {@code hanse bench crash} run by the crash tests: 5 kills, 4 clients, each 0.2–1.5 s after the first 12 writes. */
final class CrashTests {

    private CrashTests() {
    }

    static CrashDriver.Report run(Path dir, String dbUrl, String user, String password) throws Exception {
        long seed = System.nanoTime();
        CrashDriver.Settings settings = new CrashDriver.Settings(5, 12, Duration.ofMillis(200), Duration.ofMillis(1500), 4, seed,
                Duration.ofSeconds(60));
        ServerProcess.Launch launch = new ServerProcess.Launch(dir, dbUrl, user, password, "crash-test-operator",
                CrashDriver.jvmOptions(true));
        return new CrashDriver(launch, settings, new PrintWriter(System.out, true)).run();
    }

    /** Every kill was a SIGKILL under load, and everything answered 2xx was there afterwards, its event exactly once. */
    static void assertDurable(CrashDriver.Report report) {
        assertThat(report.rounds()).hasSize(5).allSatisfy(round -> {
            assertThat(round.exitCode()).as("kill %d: exit code of SIGKILL", round.kill()).isEqualTo(ServerProcess.SIGKILLED);
            assertThat(round.acknowledged()).as("kill %d: writes before it", round.kill()).isPositive();
            assertThat(round.refused()).as("kill %d: writes refused", round.kill()).isZero();
            assertThat(round.found()).as("kill %d: acknowledged writes found after the restart", round.kill()).isEqualTo(round.acknowledged());
        });
        assertThat(report.found()).isEqualTo(report.acknowledged());
        assertThat(report.eventsMissing()).as("acknowledged orders and payments without their event").isEmpty();
        assertThat(report.eventsDuplicated()).as("events delivered more than once").isEmpty();
    }

    static String serverLog(Path dir) throws IOException {
        return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
    }
}
