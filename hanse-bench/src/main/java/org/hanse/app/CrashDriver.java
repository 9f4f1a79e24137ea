package org.hanse.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code hanse bench crash} and the crash tests: the real server as a child process, concurrent writes over HTTP,
 * {@code kill -9} at random moments, a restart on the same data each time; then every write that was answered 2xx must
 * be there, and its event in the supplier's inbox exactly once (the outbox is republished at restart, the inbox insert
 * is idempotent). Prints acknowledged / found per kill.
 */
final class CrashDriver {

    /**
     * How long and how hard: kills; each after {@code warm} acknowledged writes and then a random moment between min and
     * max; client threads; how long the events may take to arrive after the final restart.
     */
    record Settings(int kills, int warm, Duration minLoad, Duration maxLoad, int clients, long seed, Duration eventWait) {
    }

    /** One kill: the child's exit code (137 = SIGKILL), writes answered 2xx, those found after the restart, others refused. */
    record Round(int kill, int exitCode, int acknowledged, int found, int refused) {
    }

    /**
     * The whole run: per kill, then over all rounds after the final restart — writes found, events expected (one per
     * order and payment), the acknowledged ones without their event, and ids whose event arrived more than once.
     */
    record Report(List<Round> rounds, int acknowledged, int found, int eventsExpected, List<String> eventsMissing,
                  List<String> eventsDuplicated) {

        boolean durable() {
            return found == acknowledged && eventsMissing.isEmpty() && eventsDuplicated.isEmpty()
                    && rounds.stream().allMatch(r -> r.found() == r.acknowledged() && r.exitCode() == ServerProcess.SIGKILLED);
        }
    }

    private final ServerProcess.Launch launch;
    private final Settings settings;
    private final PrintWriter out;
    private final CrashLoad load;
    /** The running child, killed if the run ends abnormally. */
    private ServerProcess current;

    CrashDriver(ServerProcess.Launch launch, Settings settings, PrintWriter out) {
        this.launch = launch;
        this.settings = settings;
        this.out = out;
        this.load = new CrashLoad(Long.toString(settings.seed() & 0xffffffffL, 36), settings.clients());
    }

    Report run() throws Exception {
        out.printf("hanse bench crash: %d kills, %d clients, each kill %d–%d ms after the first %d writes, seed %d, database %s%n",
                settings.kills(), settings.clients(), settings.minLoad().toMillis(), settings.maxLoad().toMillis(), settings.warm(), settings.seed(),
                launch.dbUrl() == null ? "embedded H2 in " + launch.dataDir() : launch.dbUrl().replaceAll("password=[^;&]*", "password=***"));
        out.flush();
        try {
            return rounds();
        } finally {
            // Whatever went wrong (or a test's time-out), no server is left running.
            if (current != null) {
                current.kill();
            }
        }
    }

    private Report rounds() throws Exception {
        Random random = new Random(settings.seed());
        ServerProcess server = start();
        load.setUp(server.base());
        List<Round> rounds = new ArrayList<>();
        List<CrashLoad.Write> all = new ArrayList<>();
        List<CrashLoad.Write> lost = new ArrayList<>();
        for (int kill = 1; kill <= settings.kills(); kill++) {
            long spread = settings.maxLoad().toMillis() - settings.minLoad().toMillis();
            Duration killAfter = settings.minLoad().plusMillis(spread <= 0 ? 0 : random.nextLong(spread + 1));
            ServerProcess running = server;
            CrashLoad.Batch batch = load.drive(server.base(), kill, settings.warm(), killAfter, running::kill);
            server = start();
            List<CrashLoad.Write> missing = load.missing(server.base(), batch.acknowledged());
            lost.addAll(missing);
            Round round = new Round(kill, batch.exitCode(), batch.acknowledged().size(), batch.acknowledged().size() - missing.size(), batch.refused());
            rounds.add(round);
            all.addAll(batch.acknowledged());
            out.printf("kill %d %d ms after the first writes (exit %d%s): acknowledged %d (orders %d, movements %d, payments %d), found %d%s%n",
                    kill, killAfter.toMillis(), batch.exitCode(), batch.exitCode() == ServerProcess.SIGKILLED ? " = SIGKILL" : "",
                    round.acknowledged(), batch.count(CrashLoad.Kind.ORDER), batch.count(CrashLoad.Kind.MOVEMENT),
                    batch.count(CrashLoad.Kind.PAYMENT), round.found(), batch.refused() == 0 ? "" : ", refused " + batch.refused());
            out.flush();
        }
        Report report = finish(server, rounds, all, lost);
        server.stop();
        current = null;
        return report;
    }

    /**
     * After the final restart: every acknowledged write again (those already lost stay lost: checking a movement replays
     * it), and each order's and payment's event exactly once.
     */
    private Report finish(ServerProcess server, List<Round> rounds, List<CrashLoad.Write> all, List<CrashLoad.Write> lost) throws Exception {
        Set<CrashLoad.Write> gone = new HashSet<>(lost);
        List<CrashLoad.Write> kept = all.stream().filter(w -> !gone.contains(w)).toList();
        int found = kept.size() - load.missing(server.base(), kept).size();
        List<String> expected = all.stream().filter(w -> w.kind() != CrashLoad.Kind.MOVEMENT).map(CrashLoad.Write::id).toList();
        // Delivery runs after commit and, for events cut off by a kill, after the restart: wait until each has arrived.
        long deadline = System.nanoTime() + settings.eventWait().toNanos();
        Map<String, Integer> events = load.supplierEvents(server.base());
        while (!events.keySet().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            events = load.supplierEvents(server.base());
        }
        Map<String, Integer> counted = events;
        List<String> missing = expected.stream().filter(id -> !counted.containsKey(id)).toList();
        List<String> duplicated = counted.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted()
                .collect(Collectors.toList());
        Report report = new Report(List.copyOf(rounds), all.size(), found, expected.size(), missing, duplicated);
        out.printf("after the final restart: acknowledged %d, found %d; events expected %d, missing %d, duplicated %d%n",
                report.acknowledged(), report.found(), report.eventsExpected(), missing.size(), duplicated.size());
        out.println(report.durable() ? "DURABLE: every acknowledged write survived every kill, each event delivered once"
                : "LOST: acknowledged writes or events are missing or duplicated");
        out.flush();
        return report;
    }

    private ServerProcess start() throws Exception {
        current = ServerProcess.start(launch, launch.dataDir().resolve("server.log"));
        current.awaitReady(load.http(), Duration.ofSeconds(180));
        return current;
    }

    /** The child's JVM and Spring settings shared by the bench and the tests: quiet logs except the storage check. */
    static List<String> jvmOptions(boolean quickStart) {
        List<String> options = new ArrayList<>(List.of("-Xmx768m", "-Dlogging.level.root=WARN",
                "-Dlogging.level.org.hanse.app.DurableStorage=INFO"));
        if (quickStart) {
            // A test restarts the server a dozen times on two cores: start time matters more than peak speed.
            options.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        }
        return options;
    }

    static Path defaultDataDir() throws java.io.IOException {
        return java.nio.file.Files.createTempDirectory("hanse-crash");
    }
}
