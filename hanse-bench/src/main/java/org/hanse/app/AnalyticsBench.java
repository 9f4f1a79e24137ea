package org.hanse.app;

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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hanse.sim.NetworkGenerator;
import org.hanse.sim.Scenario;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code hanse bench analytics}: builds a generated network (the simulator's generator: tiers halving upstream, one
 * supplier per buyer, locations in a region) over the HTTP API on a fresh embedded database, has every tier-1 node
 * place one order, then times {@code GET /api/v1/network/analytics} for the operator.
 */
final class AnalyticsBench {

    static final String MATERIAL = "4012345000016";
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final int nodes;
    private final int rounds;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    AnalyticsBench(int nodes, int rounds, PrintWriter out) {
        this.nodes = nodes;
        this.rounds = rounds;
        this.out = out;
    }

    int run() throws Exception {
        Path dir = Files.createTempDirectory("hanse-bench-analytics");
        String[] args = {"--server.port=0", "--hanse.data-dir=" + dir, "--hanse.security.operator-key=bench", "--logging.level.root=WARN",
            "--logging.level.org.hanse=WARN", "--hanse.relations.paths-every=PT24H", "--hanse.continuity.check-every=PT24H",
            "--hanse.continuity.backup-refresh=PT24H", "--hanse.trust.recompute-every=PT24H"};
        args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(OrderBench.UNLIMITED_RATE)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = SpringApplication.run(HanseApplication.class, args)) {
            base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            NetworkGenerator.Network network = NetworkGenerator.generate(new NetworkGenerator.Spec(nodes, 4, 100, 20, 2, 1.5), 1);
            long t0 = System.nanoTime();
            java.util.Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            parallel(pool, network.nodes(), n -> keys.put(n.id(), register(n)));
            for (Scenario.NodeSpec n : network.nodes()) {
                if (n.tier() > 1) {
                    send("PUT", "/api/v1/nodes/" + n.id() + "/capacity", keys.get(n.id()), """
                            {"wip-max": 100000, "calendar": {"days-off": []}, "resources": [{"id": "line", "hours-per-day": 24}],
                             "materials": [{"material": "%s", "resource": "line", "rate-per-hour": 2000}]}""".formatted(MATERIAL), 200);
                }
            }
            parallel(pool, network.links(), l -> {
                Matcher id = ID.matcher(send("POST", "/api/v1/links", keys.get(l.buyer()), """
                        {"buyer": "%s", "supplier": "%s", "materials": ["%s"], "transit": "PT12H"}""".formatted(l.buyer(), l.supplier(), MATERIAL), 201));
                id.find();
                send("POST", "/api/v1/links/" + id.group(1) + "/accept", keys.get(l.supplier()), "", 200);
                return null;
            });
            Instant now = Instant.now();
            parallel(pool, network.links().stream().filter(l -> l.buyer().startsWith("t1-")).toList(), l -> send("POST", "/api/v1/orders",
                    keys.get(l.buyer()), """
                    {"id": "ab-%s", "supplier": "%s", "lines": [{"material": "%s", "quantity": "10", "unit": "H87"}], "earliest": "%s", "due": "%s"}"""
                    .formatted(l.buyer(), l.supplier(), MATERIAL, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(9))), 201));
            pool.shutdown();
            out.printf(Locale.ROOT, "hanse bench analytics: %d nodes, %d links, %d orders set up in %.0f s%n", network.nodes().size(),
                    network.links().size(), network.links().stream().filter(l -> l.buyer().startsWith("t1-")).count(), (System.nanoTime() - t0) / 1e9);
            Thread.sleep(2_000);
            double[] ms = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long s = System.nanoTime();
                send("GET", "/api/v1/network/analytics", "bench", null, 200);
                ms[r] = (System.nanoTime() - s) / 1e6;
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "GET /api/v1/network/analytics (operator): first %.0f ms, best %.0f ms, median %.0f ms over %d calls%n",
                    ms[0], sorted[0], sorted[sorted.length / 2], rounds);
            out.flush();
            return 0;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private <T> void parallel(ExecutorService pool, List<T> items, java.util.function.Function<T, Object> task) throws Exception {
        List<Future<Object>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> task.apply(item)));
        }
        for (Future<Object> f : futures) {
            f.get();
        }
    }

    private String register(Scenario.NodeSpec n) {
        String yaml = """
                node: { id: %s, name: "%s", roles: [manufacturer], location: { lat: %.5f, lon: %.5f } }
                modules: [order-sync, inventory-notify, exception-broadcast]
                bom-mapping:
                  - { local: P2, material: "%s", unit: { local: sheet, code: H87, factor: 1 } }
                """.formatted(n.id(), n.id(), n.lat(), n.lon(), MATERIAL);
        Matcher m = API_KEY.matcher(send("POST", "/api/v1/nodes", null, yaml, 201));
        if (!m.find()) {
            throw new IllegalStateException("no API key for " + n.id());
        }
        return m.group(1);
    }

    private String send(String method, String path, String key, String body, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            b.header("Content-Type", path.equals("/api/v1/nodes") ? "application/yaml" : "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
