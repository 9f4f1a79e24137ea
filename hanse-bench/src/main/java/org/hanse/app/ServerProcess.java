package org.hanse.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code hanse serve} child process on this JVM's classpath (or executable jar), for the crash driver: started on a
 * free port, awaited until it answers, and killed with SIGKILL — no shutdown hook runs, nothing is flushed or closed.
 */
final class ServerProcess {

    /** The exit code of a process ended by SIGKILL: 128 + 9. */
    static final int SIGKILLED = 137;

    private final Process process;
    private final Path log;
    private final String base;

    private ServerProcess(Process process, Path log, String base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** What the child is started with; {@code dbUrl} null means the embedded H2 default under {@code dataDir}. */
    record Launch(Path dataDir, String dbUrl, String dbUser, String dbPassword, String operatorKey, List<String> jvmOptions) {
    }

    static ServerProcess start(Launch launch, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmOptions());
        command.addAll(mainClass());
        command.addAll(List.of("serve", "--port", Integer.toString(port), "--data-dir", launch.dataDir().toString()));
        if (launch.dbUrl() != null) {
            command.addAll(List.of("--db-url", launch.dbUrl()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // The child must use exactly the database it is told, whatever the caller's environment says.
        env.remove("HANSE_DB_URL");
        env.remove("HANSE_DATA_DIR");
        env.remove("HANSE_PORT");
        env.put("HANSE_OPERATOR_KEY", launch.operatorKey());
        if (launch.dbUser() != null) {
            env.put("HANSE_DB_USER", launch.dbUser());
            env.put("HANSE_DB_PASSWORD", launch.dbPassword() == null ? "" : launch.dbPassword());
        }
        Process process = builder.start();
        // Should this JVM end first (a build interrupted), the child must not live on holding the database.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new ServerProcess(process, log, "http://localhost:" + port);
    }

    /**
     * How to run {@link HanseCli}: surefire puts the test classpath in {@code surefire.test.class.path} (its own
     * {@code java.class.path} may be a manifest-only jar); a single jar on the classpath is the executable jar.
     */
    static List<String> mainClass() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            return List.of("-jar", classpath);
        }
        return List.of("-cp", classpath, HanseCli.class.getName());
    }

    String base() {
        return base;
    }

    /** Waits until the server answers its health endpoint (Tomcat starts listening after migrations and all beans). */
    void awaitReady(HttpClient http, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens at the end of the start
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("the server did not answer within " + timeout + ":\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux); returns the exit code, {@link #SIGKILLED} when it was the signal. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM: a graceful stop (the database is closed cleanly). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** The last lines of the child's log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
