package org.hanse.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.hanse.app.ledger.LedgerAudit;
import org.hanse.core.ledger.Ed25519;
import org.hanse.core.ledger.SignedNote;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hanse ledger key|verify|audit}: the evidence ledger's public key, third-party verification, operator audit. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "The tamper-evident evidence ledger.",
        subcommands = {LedgerCli.Key.class, LedgerCli.Verify.class, LedgerCli.Audit.class})
class LedgerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code hanse ledger key}: the verifier key, from the server's well-known URL or the local data directory. */
    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Print the ledger's verifier key (name+id+key): from --url's /.well-known/hanse-ledger-key, else from --data-dir.")
    static class Key implements Callable<Integer> {

        @Option(names = "--url", description = "A running Hanse server.")
        String url;

        @Option(names = "--data-dir", defaultValue = "${env:HANSE_DATA_DIR:-./data}", description = "The server's data directory (default ./data).")
        Path dataDir;

        @Option(names = "--origin", defaultValue = "${env:HANSE_LEDGER_ORIGIN:-hanse.local/ledger}", description = "The ledger origin (key name).")
        String origin;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (url != null) {
                var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url.replaceAll("/$", "") + "/.well-known/hanse-ledger-key")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    spec.commandLine().getErr().println("the server answered " + response.statusCode());
                    return 1;
                }
                out.print(response.body());
                out.flush();
                return 0;
            }
            String configured = System.getenv("HANSE_LEDGER_SIGNING_KEY");
            Path file = dataDir.resolve("ledger-signing-key");
            if ((configured == null || configured.isBlank()) && !Files.exists(file)) {
                spec.commandLine().getErr().println("no ledger key in " + file + " yet: start the server once (or give --url)");
                return 2;
            }
            byte[] seed = Base64.getDecoder().decode((configured == null || configured.isBlank() ? Files.readString(file) : configured).trim());
            out.println(new SignedNote.VerifierKey(origin, Ed25519.publicKey(seed)).encoded());
            return 0;
        }
    }

    /** {@code hanse ledger verify}: signature, consistency with a stored checkpoint, inclusion of chosen entries. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the server's signed checkpoint, its consistency with a checkpoint stored earlier and the inclusion of entries; "
                    + "non-zero exit on any mismatch. No database access needed.")
    static class Verify implements Callable<Integer> {

        @Option(names = "--key", required = true, description = "The verifier key (name+id+key), or a file holding it.")
        String key;

        @Option(names = "--checkpoint", required = true, description = "A checkpoint note stored earlier (file).")
        Path checkpoint;

        @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The Hanse server.")
        String url;

        @Option(names = "--entry", description = "An entry index to prove included (repeatable).")
        List<Long> entries = new ArrayList<>();

        @Option(names = "--api-key", description = "A key that may read the entries: their bytes are hashed here instead of trusting the server's leaf hash.")
        String apiKey;

        @Option(names = "--save", description = "Store the verified new checkpoint here (e.g. the --checkpoint file, for the next run).")
        Path save;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SignedNote.VerifierKey verifier;
            try {
                String text = Files.isRegularFile(Path.of(key)) ? Files.readString(Path.of(key)) : key;
                verifier = SignedNote.VerifierKey.parse(text);
            } catch (RuntimeException e) {
                err.println("--key: " + e.getMessage());
                return 2;
            }
            try {
                LedgerVerification.Result result = new LedgerVerification(url, apiKey)
                        .verify(verifier, Files.readString(checkpoint, StandardCharsets.UTF_8), entries);
                if (save != null) {
                    Files.writeString(save, result.note(), StandardCharsets.UTF_8);
                }
                out.println("OK: checkpoint of " + result.checkpoint().size() + " entries signed by " + verifier.name()
                        + ", consistent with the stored checkpoint" + (entries.isEmpty() ? "" : "; entries " + entries + " included"));
                return 0;
            } catch (LedgerVerification.Failure e) {
                err.println("FAILED: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code hanse ledger audit}: the operator's check with database access; names every record that no longer matches. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Recompute every entry from the stored records and check the tree against its signed checkpoint (needs the database).")
    static class Audit implements Callable<Integer> {

        @Option(names = "--data-dir", description = "Directory of the embedded H2 database and the ledger key (default ./data, or HANSE_DATA_DIR).")
        Path dataDir;

        @Option(names = "--db-url", description = "JDBC URL of another database (or HANSE_DB_URL).")
        String dbUrl;

        @Option(names = "--db-user")
        String dbUser;

        @Option(names = "--db-password")
        String dbPassword;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
            if (dataDir != null) {
                args.add("--hanse.data-dir=" + dataDir.toAbsolutePath());
            }
            if (dbUrl != null) {
                args.add("--spring.datasource.url=" + dbUrl);
            }
            if (dbUser != null) {
                args.add("--spring.datasource.username=" + dbUser);
            }
            if (dbPassword != null) {
                args.add("--spring.datasource.password=" + dbPassword);
            }
            // The whole application, as the server runs it: each module's LedgerRecords recomputes its own records.
            try (ConfigurableApplicationContext context = SpringApplication.run(HanseApplication.class, args.toArray(String[]::new))) {
                LedgerAudit.Report report = context.getBean(LedgerAudit.class).run();
                PrintWriter out = spec.commandLine().getOut();
                report.findings().forEach(f -> spec.commandLine().getErr().println("MISMATCH " + f));
                out.println(report.entries() + " entries audited, " + report.findings().size() + " mismatches");
                out.flush();
                spec.commandLine().getErr().flush();
                return report.clean() ? 0 : 1;
            }
        }
    }
}
