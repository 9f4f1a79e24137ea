package org.hanse.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hanse.app.network.ConfigFiles;
import org.hanse.core.node.NodeConfig;
import org.hanse.core.node.NodeConfigReader;
import org.hanse.core.node.PlatformCodes;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.hanse.core.validation.Validated;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code hanse} command line: one executable, subcommands for the server and the tools. */
@Command(name = "hanse", mixinStandardHelpOptions = true, version = "hanse 0.1.0",
        description = "Supply-chain collaboration network for SMEs.",
        subcommands = {HanseCli.Serve.class, HanseCli.NodeCommands.class, HanseCli.StockCommands.class, HanseCli.Simulate.class,
            LedgerCli.class})
public class HanseCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        execute(new CommandLine(new HanseCli()), args);
    }

    /** Runs the command line (hanse-bench's launcher adds its {@code bench} command first); only {@code serve} keeps the JVM alive. */
    static void execute(CommandLine cli, String[] args) {
        int exit = cli.execute(args);
        if (exit != 0 || !isServe(args)) {
            System.exit(exit);
        }
    }

    private static boolean isServe(String[] args) {
        return args.length > 0 && "serve".equals(args[0]);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code hanse serve}: the server with API, web UI and event backbone. */
    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Hanse server.")
    static class Serve implements Callable<Integer> {

        @Option(names = "--port", description = "HTTP port (default 8080, or HANSE_PORT).")
        Integer port;

        @Option(names = "--data-dir", description = "Directory of the embedded H2 database (default ./data, or HANSE_DATA_DIR).")
        Path dataDir;

        @Option(names = "--db-url", description = "JDBC URL of another database, e.g. jdbc:postgresql://localhost/hanse (or HANSE_DB_URL).")
        String dbUrl;

        @Option(names = "--demo", description = "Load the demo furniture network on first start.")
        boolean demo;

        @Option(names = "--profile", description = "Spring profile(s), e.g. postgres.")
        String profile;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            if (port != null) {
                args.add("--server.port=" + port);
            }
            if (dataDir != null) {
                args.add("--hanse.data-dir=" + dataDir.toAbsolutePath());
            }
            if (dbUrl != null) {
                args.add("--spring.datasource.url=" + dbUrl);
            }
            if (demo) {
                args.add("--hanse.demo.enabled=true");
            }
            if (profile != null) {
                args.add("--spring.profiles.active=" + profile);
            }
            SpringApplication.run(HanseApplication.class, args.toArray(String[]::new));
            return 0;
        }
    }

    /** {@code hanse node …}: node config tools. */
    @Command(name = "node", mixinStandardHelpOptions = true, description = "Node config tools.",
            subcommands = NodeCommands.Validate.class)
    static class NodeCommands implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }

        /** {@code hanse node validate FILE}: every problem with its path; exit 1 if any. */
        @Command(name = "validate", mixinStandardHelpOptions = true,
                description = "Check a node config file (YAML or JSON) and print every problem with its path.")
        static class Validate implements Callable<Integer> {

            @Parameters(index = "0", paramLabel = "FILE", description = "The node config file.")
            Path file;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                PrintWriter err = spec.commandLine().getErr();
                String text;
                try {
                    text = Files.readString(file);
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    return 2;
                }
                List<Problem> problems;
                NodeConfig config = null;
                try {
                    Validated<NodeConfig> result = NodeConfigReader.read(
                            ConfigFiles.parse(text, file.toString().endsWith(".json")), PlatformCodes.ANY);
                    problems = result.problems();
                    config = result.value();
                } catch (InvalidInputException e) {
                    problems = e.problems();
                }
                if (!problems.isEmpty()) {
                    problems.forEach(p -> err.println(p));
                    err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
                    return 1;
                }
                out.println(file + ": valid config for node " + config.id() + " (" + config.bomMapping().size()
                        + " BOM rows; platform codes are checked against the dictionary on registration)");
                return 0;
            }
        }
    }

    /** {@code hanse simulate SCENARIO --out DIR} and {@code hanse simulate --compare A B --out DIR}. */
    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Run a scenario (docs/SIMULATOR.md): summary.json, series.csv and report.html in --out; --compare A B for an A/B run.")
    static class Simulate implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "The scenario YAML file.")
        Path scenario;

        @Option(names = "--compare", arity = "2", paramLabel = "FILE", description = "Two scenario files to run and compare.")
        List<Path> compare;

        @Option(names = "--out", defaultValue = "sim-out", description = "Output directory (default ./sim-out).")
        Path out;

        @Option(names = "--threads", description = "Threads for the replications (default: all cores).")
        Integer threads;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if ((scenario == null) == (compare == null)) {
                err.println("give a SCENARIO file, or --compare A B");
                return 2;
            }
            int cores = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            try {
                if (compare != null) {
                    org.hanse.sim.SimulationFiles.compare(compare.get(0), compare.get(1), this.out, cores, System.err);
                    out.println("wrote " + this.out.resolve("compare.html") + " (and a/, b/ with each run's files)");
                } else {
                    org.hanse.sim.Simulator.Run run = org.hanse.sim.SimulationFiles.simulate(scenario, this.out, cores, System.err);
                    out.println("wrote " + this.out.resolve("summary.json") + ", series.csv, report.html");
                    run.summary().tiers().forEach(t -> out.printf(java.util.Locale.ROOT, "tier %d: bullwhip %.4g ± %.2g, fill rate %.4f%n",
                            t.tier(), t.bullwhip().mean(), t.bullwhip().ci95(), t.fillRate().mean()));
                }
                return 0;
            } catch (InvalidInputException e) {
                for (Problem p : e.problems()) {
                    err.println((p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
                }
                return 1;
            }
        }
    }

    /** {@code hanse stock …}: stock tools for SMEs that keep their stock in spreadsheets. */
    @Command(name = "stock", mixinStandardHelpOptions = true, description = "Stock tools.", subcommands = StockCommands.Import.class)
    static class StockCommands implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }

        /** {@code hanse stock import FILE}: send a stock count (.xlsx or .csv, columns local and quantity) to a node. */
        @Command(name = "import", mixinStandardHelpOptions = true,
                description = "Import a stock count (.xlsx or .csv with columns 'local' and 'quantity'); any bad row rejects the whole file.")
        static class Import implements Callable<Integer> {

            @Parameters(index = "0", paramLabel = "FILE")
            Path file;

            @Option(names = "--node", required = true, description = "The node whose stock this is.")
            String node;

            @Option(names = "--key", required = true, description = "The node's API key.")
            String key;

            @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The Hanse server.")
            String url;

            @Option(names = "--separator", defaultValue = ",", description = "The CSV separator: ',', ';', '|' or 'tab'.")
            String separator;

            @Option(names = "--locale", description = "The locale the decimals are typed in (e.g. de-DE); default: dot decimal.")
            String locale;

            @Option(names = "--grouping", description = "Thousands are grouped by the locale's mark (e.g. 1.234,5 under de-DE).")
            boolean grouping;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws Exception {
                boolean xlsx = file.toString().toLowerCase().endsWith(".xlsx");
                String query = "?separator=" + java.net.URLEncoder.encode(separator, java.nio.charset.StandardCharsets.UTF_8)
                        + (locale == null ? "" : "&locale=" + java.net.URLEncoder.encode(locale, java.nio.charset.StandardCharsets.UTF_8))
                        + (grouping ? "&grouping=true" : "");
                java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/nodes/" + node + "/stock/import" + query))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                (response.statusCode() == 200 ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(response.body());
                return response.statusCode() == 200 ? 0 : 1;
            }
        }
    }
}
