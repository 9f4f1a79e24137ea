package org.hanse.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code hanse bench orders}: starts a server (embedded H2 in a temporary directory, or the given database), builds a
 * network of suppliers and buyers over the API, then lets concurrent buyers place orders over HTTP for a fixed time
 * and prints sustained decisions per second and latency percentiles. About one order in five is due too soon and is
 * rejected with constraints, so both outcomes are measured.
 */
final class OrderBench {

    private static final String MATERIAL = "4012345000016";
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\":\"([^\"]+)\"");

    private final int suppliers;
    private final int buyers;
    private final int concurrency;
    private final Duration warmup;
    private final Duration measure;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;
    /** Distinguishes this run's nodes and orders from earlier runs on the same database. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    OrderBench(int suppliers, int buyers, int concurrency, Duration warmup, Duration measure, PrintWriter out) {
        this.suppliers = suppliers;
        this.buyers = buyers;
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.measure = measure;
        this.out = out;
    }

    /** The benches measure the server's work, not its rate limiter: their own server lets their clients through. */
    static final String[] UNLIMITED_RATE = {"--hanse.limits.api-rate.keyed.burst=1000000000", "--hanse.limits.api-rate.keyed.per-second=1e9",
            "--hanse.limits.api-rate.anonymous.burst=1000000000", "--hanse.limits.api-rate.anonymous.per-second=1e9"};

    int run(String dbUrl, String dbUser, String dbPassword) throws Exception {
        Path dir = Files.createTempDirectory("hanse-bench");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hanse.data-dir=" + dir, "--hanse.security.operator-key=bench",
                "--logging.level.root=WARN", "--logging.level.org.hanse=WARN"));
        args.addAll(List.of(UNLIMITED_RATE));
        if (dbUrl != null) {
            args.add("--spring.datasource.url=" + dbUrl);
            args.add("--spring.datasource.username=" + dbUser);
            args.add("--spring.datasource.password=" + dbPassword);
        }
        try (ConfigurableApplicationContext context = SpringApplication.run(HanseApplication.class, args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            base = "http://localhost:" + port;
            String database = context.getEnvironment().getProperty("spring.datasource.url", "");
            out.printf("hanse bench orders: %d suppliers, %d buyers, %d concurrent clients, warm-up %ds, measured %ds%n",
                    suppliers, buyers, concurrency, warmup.toSeconds(), measure.toSeconds());
            out.printf("database: %s%n", database.replaceAll("password=[^;&]*", "password=***"));
            out.flush();
            String[] buyerIds = new String[buyers];
            String[] buyerKeys = new String[buyers];
            String[] supplierOf = new String[buyers];
            setUp(buyerIds, buyerKeys, supplierOf);

            runPhase(buyerIds, buyerKeys, supplierOf, warmup, "w");
            Result r = runPhase(buyerIds, buyerKeys, supplierOf, measure, "m");
            long[] lat = r.latenciesMicros();
            Arrays.sort(lat);
            double seconds = measure.toNanos() / 1e9;
            out.printf("orders: %d decided (%d accepted, %d rejected), %d errors%n", r.accepted + r.rejected, r.accepted, r.rejected, r.errors);
            out.printf("throughput: %.0f orders/s sustained%n", (r.accepted + r.rejected) / seconds);
            out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    pct(lat, 50), pct(lat, 95), pct(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1000.0);
            out.flush();
            return r.errors == 0 ? 0 : 1;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void setUp(String[] buyerIds, String[] buyerKeys, String[] supplierOf) throws Exception {
        String[] supplierKeys = new String[suppliers];
        for (int s = 0; s < suppliers; s++) {
            String id = "bench-s" + s + "-" + run;
            supplierKeys[s] = register(id, "supplier");
            send("PUT", "/api/v1/nodes/" + id + "/capacity", supplierKeys[s], """
                    {"wip-max": 100000, "calendar": {"days-off": []}, "resources": [{"id": "line", "hours-per-day": 24}],
                     "materials": [{"material": "%s", "resource": "line", "rate-per-hour": 2000, "setup": "PT0S"}]}""".formatted(MATERIAL), 200);
        }
        for (int b = 0; b < buyers; b++) {
            buyerIds[b] = "bench-b" + b + "-" + run;
            buyerKeys[b] = register(buyerIds[b], "manufacturer");
            int s = b % suppliers;
            supplierOf[b] = "bench-s" + s + "-" + run;
            String link = send("POST", "/api/v1/links", buyerKeys[b], """
                    {"buyer": "%s", "supplier": "%s", "materials": ["%s"], "transit": "PT12H"}""".formatted(buyerIds[b], supplierOf[b], MATERIAL), 201);
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(link);
            id.find();
            send("POST", "/api/v1/links/" + id.group(1) + "/accept", supplierKeys[s], "", 200);
        }
    }

    private String register(String id, String role) throws Exception {
        String yaml = """
                node: { id: %s, name: "%s", roles: [%s], location: { lat: 52.0, lon: 8.5 } }
                modules: [order-sync, inventory-notify, exception-broadcast]
                bom-mapping:
                  - { local: P2, material: "%s", unit: { local: sheet, code: H87, factor: 1 } }
                """.formatted(id, id, role, MATERIAL);
        Matcher m = API_KEY.matcher(send("POST", "/api/v1/nodes", null, yaml, 201));
        if (!m.find()) {
            throw new IllegalStateException("no API key for " + id);
        }
        return m.group(1);
    }

    private record Result(long accepted, long rejected, long errors, long[] latenciesMicros) {
    }

    private Result runPhase(String[] buyerIds, String[] buyerKeys, String[] supplierOf, Duration length, String phase) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                long seq = 0;
                try {
                    while (!stop.get()) {
                        int b = (int) ((thread + seq * concurrency) % buyerIds.length);
                        seq++;
                        Instant now = Instant.now();
                        // One in five is due in 6 hours with 12 hours of transit: rejected with constraints.
                        boolean tooSoon = seq % 5 == 0;
                        Instant due = tooSoon ? now.plus(Duration.ofHours(6)) : now.plus(Duration.ofDays(3 + seq % 20));
                        String body = """
                                {"id": "%s-%s-%d-%d", "supplier": "%s", "lines": [{"material": "%s", "quantity": "%d", "unit": "H87"}],
                                 "earliest": "%s", "due": "%s"}""".formatted(run, phase, thread, seq, supplierOf[b], MATERIAL, 10 + seq % 90,
                                due.minus(Duration.ofDays(1)), due);
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                                .header("Authorization", "Bearer " + buyerKeys[b]).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - start) / 1000;
                        if (response.statusCode() != 201) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (response.body().contains("\"outcome\":\"REJECTED\"")) {
                            rejected.incrementAndGet();
                        } else {
                            accepted.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = micros;
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                } finally {
                    samples.add(Arrays.copyOf(mine, n));
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        Thread.sleep(length.toMillis());
        stop.set(true);
        done.await();
        long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(accepted.get(), rejected.get(), errors.get(), all);
    }

    private String send(String method, String path, String key, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", path.equals("/api/v1/nodes") ? "application/yaml" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
