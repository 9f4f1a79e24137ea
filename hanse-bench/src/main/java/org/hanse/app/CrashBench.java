package org.hanse.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hanse bench crash}: kill -9 the server under load, restart, and count the acknowledged writes found. */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "Run the server as a child process, write from concurrent clients, kill -9 it at random moments and restart it "
                + "on the same data; print acknowledged / found per kill. Exit 1 if an acknowledged write or its event was lost.")
class CrashBench implements Callable<Integer> {

    @Option(names = "--kills", defaultValue = "10", description = "Kills (each followed by a restart).")
    int kills;

    @Option(names = "--db-url", description = "JDBC URL (default: embedded H2 in --data-dir).")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (with --db-url).")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (with --db-url).")
    String dbPassword;

    @Option(names = "--data-dir", description = "Directory for the H2 database and the server log (default: a new temporary directory).")
    Path dataDir;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients.")
    int clients;

    @Option(names = "--min-seconds", defaultValue = "2", description = "Least load before a kill.")
    double minSeconds;

    @Option(names = "--max-seconds", defaultValue = "10", description = "Most load before a kill.")
    double maxSeconds;

    @Option(names = "--seed", description = "Seed of the kill moments (default: random).")
    Long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (kills < 1 || kills > 1000 || clients < 1 || clients > 64 || minSeconds < 0 || maxSeconds < minSeconds || maxSeconds > 3600) {
            spec.commandLine().getErr().println("--kills 1..1000, --clients 1..64, 0 ≤ --min-seconds ≤ --max-seconds ≤ 3600");
            return 2;
        }
        Path dir = dataDir == null ? CrashDriver.defaultDataDir() : Files.createDirectories(dataDir);
        CrashDriver.Settings settings = new CrashDriver.Settings(kills, 12, Duration.ofMillis((long) (minSeconds * 1000)),
                Duration.ofMillis((long) (maxSeconds * 1000)), clients, seed == null ? new Random().nextLong() : seed,
                Duration.ofMinutes(2));
        ServerProcess.Launch launch = new ServerProcess.Launch(dir, dbUrl, dbUser, dbPassword,
                "crash-" + UUID.randomUUID(), CrashDriver.jvmOptions(false));
        return new CrashDriver(launch, settings, spec.commandLine().getOut()).run().durable() ? 0 : 1;
    }
}
