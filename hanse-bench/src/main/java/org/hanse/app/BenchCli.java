package org.hanse.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hanse bench …}: reproducible load figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.", subcommands = {BenchCli.Orders.class, CrashBench.class, BenchCli.Sim.class, BenchCli.Analytics.class,
        LedgerBench.Command.class})
class BenchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code hanse bench analytics}: the network analytics endpoint on a generated network. */
    @Command(name = "analytics", mixinStandardHelpOptions = true,
            description = "Build a generated network over the API (embedded H2) and time GET /api/v1/network/analytics.")
    static class Analytics implements Callable<Integer> {

        @Option(names = "--nodes", defaultValue = "10000")
        int nodes;

        @Option(names = "--rounds", defaultValue = "5")
        int rounds;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return new AnalyticsBench(nodes, rounds, spec.commandLine().getOut()).run();
        }
    }

    /** {@code hanse bench sim}: simulator throughput and memory. */
    @Command(name = "sim", mixinStandardHelpOptions = true,
            description = "Node-periods/s of the 4-stage textbook chain (1 thread) and node-days/s of a generated network with all mechanisms (all cores).")
    static class Sim implements Callable<Integer> {

        @Option(names = "--nodes", defaultValue = "10000", description = "Nodes of the generated network.")
        int nodes;

        @Option(names = "--chain-periods", defaultValue = "2000000", description = "Periods of one textbook-chain run.")
        int periods;

        @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (the best is reported).")
        int rounds;

        @Option(names = "--threads", description = "Threads (and replications) for the network run (default: all cores).")
        Integer threads;

        @Override
        public Integer call() {
            org.hanse.sim.SimBench.run(nodes, periods, rounds, threads == null ? Runtime.getRuntime().availableProcessors() : threads, System.out);
            return 0;
        }
    }

    /** {@code hanse bench orders}: orders per second and latency percentiles over the HTTP API. */
    @Command(name = "orders", mixinStandardHelpOptions = true,
            description = "Place orders over HTTP from concurrent buyers; print orders/s and latency percentiles.")
    static class Orders implements Callable<Integer> {

        @Option(names = "--db-url", description = "JDBC URL (default: embedded H2 in a temporary directory).")
        String dbUrl;

        @Option(names = "--db-user", defaultValue = "hanse")
        String dbUser;

        @Option(names = "--db-password", defaultValue = "hanse")
        String dbPassword;

        @Option(names = "--suppliers", defaultValue = "8")
        int suppliers;

        @Option(names = "--buyers", defaultValue = "64")
        int buyers;

        @Option(names = "--concurrency", defaultValue = "32", description = "Concurrent HTTP clients.")
        int concurrency;

        @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds (not measured).")
        int warmup;

        @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds.")
        int seconds;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return new OrderBench(suppliers, buyers, concurrency, java.time.Duration.ofSeconds(warmup),
                    java.time.Duration.ofSeconds(seconds), spec.commandLine().getOut()).run(dbUrl, dbUser, dbPassword);
        }
    }
}
