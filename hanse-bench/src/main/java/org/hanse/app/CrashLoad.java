package org.hanse.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash scenario's writes over the HTTP API: one supplier, one buyer per client thread, linked; each client places
 * orders, records stock receipts and sends (unmatched) payments in turn until the server dies under it. Only a 2xx
 * answer counts as acknowledged; {@link #missing} checks acknowledged writes after a restart.
 */
final class CrashLoad {

    static final String MATERIAL = "4012345000016";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a client wrote. */
    enum Kind { ORDER, MOVEMENT, PAYMENT }

    /** One write: the body is kept so that a stock movement can be checked by replaying it. */
    record Write(Kind kind, String node, String key, String id, String body) {
    }

    /** A round of load: the writes answered 2xx, the number answered otherwise, and the server's exit code. */
    record Batch(List<Write> acknowledged, int refused, int exitCode) {
        long count(Kind kind) {
            return acknowledged.stream().filter(w -> w.kind() == kind).count();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String run;
    private final int clients;
    private final String supplier;
    private String supplierKey;
    private final String[] buyers;
    private final String[] buyerKeys;

    CrashLoad(String run, int clients) {
        this.run = run;
        this.clients = clients;
        this.supplier = "crash-s-" + run;
        this.buyers = new String[clients];
        this.buyerKeys = new String[clients];
    }

    String supplier() {
        return supplier;
    }

    String supplierKey() {
        return supplierKey;
    }

    HttpClient http() {
        return http;
    }

    /** Registers the supplier (with capacity for every order) and one linked buyer per client. */
    void setUp(String base) throws IOException, InterruptedException {
        supplierKey = register(base, supplier, "supplier");
        expect(send(base, "PUT", "/api/v1/nodes/" + supplier + "/capacity", supplierKey, """
                {"wip-max": 100000, "calendar": {"days-off": []}, "resources": [{"id": "line", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "line", "rate-per-hour": 2000, "setup": "PT0S"}]}""".formatted(MATERIAL)), 200);
        for (int b = 0; b < clients; b++) {
            buyers[b] = "crash-b" + b + "-" + run;
            buyerKeys[b] = register(base, buyers[b], "manufacturer");
            String link = expect(send(base, "POST", "/api/v1/links", buyerKeys[b], """
                    {"buyer": "%s", "supplier": "%s", "materials": ["%s"], "transit": "PT12H"}""".formatted(buyers[b], supplier, MATERIAL)), 201);
            String id = (String) JSON.readValue(link, Map.class).get("id");
            expect(send(base, "POST", "/api/v1/links/" + id + "/accept", supplierKey, ""), 200);
        }
    }

    /**
     * Runs the clients until {@code killer} ends the server, {@code killAfter} after the first {@code warm} writes were
     * acknowledged (a freshly started server answers its first requests slowly); a client stops at its first broken
     * connection. Returns what was acknowledged.
     */
    Batch drive(String base, int round, int warm, Duration killAfter, Callable<Integer> killer) throws Exception {
        List<Write> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> client(base, round, client, acknowledged, refused), "crash-client-" + c);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long warmDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.size() < warm && System.nanoTime() < warmDeadline && threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(10);
        }
        Thread.sleep(killAfter.toMillis());
        int exitCode = killer.call();
        for (Thread t : threads) {
            t.join();
        }
        return new Batch(List.copyOf(acknowledged), refused.get(), exitCode);
    }

    private void client(String base, int round, int client, List<Write> acknowledged, AtomicInteger refused) {
        try {
            for (long seq = 0; ; seq++) {
                Write w = write(round, client, seq);
                String path = switch (w.kind()) {
                    case ORDER -> "/api/v1/orders";
                    case MOVEMENT -> "/api/v1/nodes/" + w.node() + "/stock/movements";
                    case PAYMENT -> "/api/v1/payments";
                };
                HttpResponse<String> answer = send(base, "POST", path, w.key(), w.body());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    acknowledged.add(w);
                } else if (refused.incrementAndGet() <= 3) {
                    // A refusal is not a durability failure but fails the run: say why, so it can be told from a lost write.
                    String body = answer.body() == null ? "" : answer.body();
                    System.err.println("crash load: " + w.kind() + " " + w.id() + " refused " + status + ": "
                            + body.substring(0, Math.min(300, body.length())));
                }
            }
        } catch (IOException | InterruptedException serverGone) {
            // the server was killed: whatever was in flight is neither acknowledged nor refused
        }
    }

    private Write write(int round, int client, long seq) {
        String id = run + "-" + round + "-" + client + "-" + seq;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String buyer = buyers[client];
        String key = buyerKeys[client];
        return switch ((int) (seq % 3)) {
            case 0 -> {
                Instant due = now.plus(Duration.ofDays(3 + seq % 20));
                yield new Write(Kind.ORDER, buyer, key, id, """
                        {"id": "%s", "supplier": "%s", "lines": [{"material": "%s", "quantity": "%d", "unit": "H87"}],
                         "earliest": "%s", "due": "%s"}""".formatted(id, supplier, MATERIAL, 10 + seq % 90, due.minus(Duration.ofDays(1)), due));
            }
            case 1 -> new Write(Kind.MOVEMENT, buyer, key, id, """
                    {"id": "%s", "material": "%s", "kind": "RECEIPT", "quantity": "5", "occurredAt": "%s"}""".formatted(id, MATERIAL, now));
            default -> new Write(Kind.PAYMENT, buyer, key, id, """
                    {"id": "%s", "payee": "%s", "amount": "10.00", "currency": "EUR", "paidAt": "%s", "allocations": []}"""
                    .formatted(id, supplier, now.minusSeconds(1)));
        };
    }

    /**
     * The acknowledged writes the restarted server does not hold: orders and payments are read back; a stock
     * movement is sent again, and the ledger answers 200 (a replay of what it holds) or 201 (it had lost it).
     */
    List<Write> missing(String base, List<Write> writes) throws IOException, InterruptedException {
        List<Write> missing = new ArrayList<>();
        for (Write w : writes) {
            HttpResponse<String> r = switch (w.kind()) {
                case ORDER -> send(base, "GET", "/api/v1/orders/" + w.id(), w.key(), null);
                case PAYMENT -> send(base, "GET", "/api/v1/payments/" + w.id(), w.key(), null);
                case MOVEMENT -> send(base, "POST", "/api/v1/nodes/" + w.node() + "/stock/movements", w.key(), w.body());
            };
            int found = 200;
            int lost = w.kind() == Kind.MOVEMENT ? 201 : 404;
            if (r.statusCode() == lost) {
                missing.add(w);
            } else if (r.statusCode() != found) {
                throw new IllegalStateException("checking " + w.kind() + " " + w.id() + ": " + r.statusCode() + " " + r.body());
            }
        }
        return missing;
    }

    /** Per order and payment id, the ORDER_PLACED and UNMATCHED_PAYMENT events in the supplier's inbox. */
    Map<String, Integer> supplierEvents(String base) throws IOException, InterruptedException {
        Map<String, Integer> counts = new java.util.HashMap<>();
        String after = "0";
        while (true) {
            String page = expect(send(base, "GET", "/api/v1/nodes/" + supplier + "/events?after=" + after + "&limit=500",
                    supplierKey, null), 200);
            Map<?, ?> feed = JSON.readValue(page, Map.class);
            List<?> events = (List<?>) feed.get("events");
            if (events.isEmpty()) {
                return counts;
            }
            for (Object e : events) {
                Map<?, ?> event = (Map<?, ?>) e;
                Map<?, ?> payload = (Map<?, ?>) event.get("payload");
                Object id = switch (String.valueOf(event.get("type"))) {
                    case "ORDER_PLACED" -> payload.get("order");
                    case "UNMATCHED_PAYMENT" -> payload.get("payment");
                    default -> null;
                };
                if (id != null) {
                    counts.merge(id.toString(), 1, Integer::sum);
                }
            }
            after = String.valueOf(feed.get("next"));
        }
    }

    private String register(String base, String id, String role) throws IOException, InterruptedException {
        String yaml = """
                node: { id: %s, name: "%s", roles: [%s], location: { lat: 52.0, lon: 8.5 } }
                modules: [order-sync, inventory-notify, exception-broadcast]
                bom-mapping:
                  - { local: P2, material: "%s", unit: { local: sheet, code: H87, factor: 1 } }
                """.formatted(id, id, role, MATERIAL);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/nodes")).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).timeout(Duration.ofSeconds(30)).build();
        String body = expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 201);
        return (String) JSON.readValue(body, Map.class).get("apiKey");
    }

    private HttpResponse<String> send(String base, String method, String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
