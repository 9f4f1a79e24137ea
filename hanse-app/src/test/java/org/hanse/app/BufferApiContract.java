package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Buffers over real HTTP. Node N buys boards from U and sells them to D; P is a distant holder of boards; X is a
 * stranger. N consumed 10 boards a day for the last 56 days, so d̄ = 10, σ_d = 0; with the default lead time of
 * 4 days (σ_L = 0): SS = 0, B_lo = 10 · 1 = 10, B_hi = 10 + 10 · 4 + 7 · 10 = 120.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H", "hanse.buffers.tick=PT1S"})
abstract class BufferApiContract extends ApiTestSupport {

    static final String BOARD = "4012345000016";
    static final String ALL = "order-sync, inventory-notify, exception-broadcast";

    record Net(String n, String u, String d, String p, String x, Map<String, String> keys) {
        String key(String node) {
            return keys.get(node);
        }
    }

    String node(String id, String modules, double lat) {
        return node(id, modules, lat, 8.5);
    }

    String node(String id, String modules, double lat, double lon) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], location: { lat: "
                + lat + ", lon: " + lon + " } }\nmodules: [" + modules + "]\nbom-mapping:\n  - { local: SP19, material: \"" + BOARD
                + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    void capacity(String node, String key) {
        Api.Response r = api.put("/api/v1/nodes/" + node + "/capacity", key, "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    void connect(String buyer, String buyerKey, String supplier, String supplierKey) {
        Api.Response requested = api.postJson("/api/v1/links", buyerKey, Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(BOARD)));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        api.post("/api/v1/links/" + requested.at("id") + "/accept", supplierKey, "application/json", "");
    }

    Api.Response move(String node, String key, String kind, String quantity, Instant at) {
        return api.postJson("/api/v1/nodes/" + node + "/stock/movements", key,
                Map.of("material", BOARD, "kind", kind, "quantity", quantity, "occurredAt", at.toString()));
    }

    /** Builds the network and N's history: 600 received 56 days ago, then 10 consumed each day: 40 on hand. */
    Net net() {
        String n = id("n");
        String u = id("u");
        String d = id("d");
        String p = id("p");
        String x = id("x");
        // Each test's network lies at its own latitude, so emergency transfers find this test's peer P first.
        double lat = -60 + Math.floorMod(run.hashCode(), 4000) / 100.0;
        double lon = -170 + Math.floorMod(run.hashCode() / 4000, 34000) / 100.0;
        Map<String, String> keys = Map.of(n, node(n, ALL, lat, lon), u, node(u, ALL, lat + 0.1, lon), d, node(d, ALL, lat + 0.2, lon),
                p, node(p, ALL, lat + 1, lon), x, node(x, ALL, lat + 0.05, lon));
        capacity(n, keys.get(n));
        capacity(u, keys.get(u));
        connect(n, keys.get(n), u, keys.get(u));
        connect(d, keys.get(d), n, keys.get(n));
        assertThat(api.put("/api/v1/nodes/" + n + "/buffer-settings", keys.get(n), "application/json",
                "{\"default-lead-time\": \"P4D\"}").status()).isEqualTo(200);
        Instant now = Instant.now();
        assertThat(move(n, keys.get(n), "RECEIPT", "600", now.minus(Duration.ofDays(56))).status()).isEqualTo(201);
        for (int k = 55; k >= 0; k--) {
            Api.Response r = move(n, keys.get(n), "CONSUMPTION", "10", now.minus(Duration.ofDays(k)).minusSeconds(5));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        return new Net(n, u, d, p, x, keys);
    }

    @Test
    void thresholdsFromTheHistoryAndVectorsOnlyToNeighbours() {
        Net net = net();
        Api.Response b = api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.n()));
        assertThat(b.<Number>at("onHand").doubleValue()).isEqualTo(40);
        assertThat(b.<Number>at("demand.mean").doubleValue()).isEqualTo(10);
        assertThat(b.<Number>at("demand.stdDev").doubleValue()).isEqualTo(0);
        assertThat(b.<Number>at("leadTime.meanDays").doubleValue()).isEqualTo(4);
        assertThat(b.<Number>at("safetyStock").doubleValue()).isEqualTo(0);
        assertThat(b.<Number>at("low").doubleValue()).isEqualTo(10);
        assertThat(b.<Number>at("high").doubleValue()).isEqualTo(120);
        assertThat(b.<String>at("zone")).isEqualTo("INSIDE");
        assertThat(b.<Number>at("depletionDays").doubleValue()).isEqualTo(4);
        assertThat(b.<Boolean>at("warning")).isFalse();
        // The zone changed on the way down (ABOVE → INSIDE): the vector went out at once, to U and D only.
        assertThat(awaitEvents(net.u(), net.key(net.u()), "STATE_VECTOR", 1)).isNotEmpty();
        assertThat(awaitEvents(net.d(), net.key(net.d()), "STATE_VECTOR", 1)).isNotEmpty();
        assertThat(ofType(feed(net.x(), net.key(net.x())), "STATE_VECTOR")).isEmpty();
        assertThat(ofType(feed(net.p(), net.key(net.p())), "STATE_VECTOR")).isEmpty();
        // Visibility: the node and its neighbours, never a stranger.
        assertThat(api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.u())).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.x())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + net.n() + "/stock/movements?material=" + BOARD, net.key(net.u())).status()).isEqualTo(403);
        // The history is append-only: 57 movements, the level is their sum.
        assertThat(api.get("/api/v1/nodes/" + net.n() + "/stock/movements?material=" + BOARD + "&limit=1000", net.key(net.n()))
                .<List<?>>at("items")).hasSize(57);
    }

    @Test
    void depletionBeforeReplenishmentWarnsUpstreamAndDownstreamAndTheAnswerIsRecorded() {
        Net net = net();
        // One more board today: T_dep = 39 / 10.018 = 3.89 days < 4 days of lead time.
        assertThat(move(net.n(), net.key(net.n()), "CONSUMPTION", "1", Instant.now()).<Boolean>at("warning")).isTrue();
        assertThat(awaitEvents(net.u(), net.key(net.u()), "EXPEDITE_REQUEST", 1).get(0).get("sender")).isEqualTo(net.n());
        Map<String, Object> warning = awaitEvents(net.d(), net.key(net.d()), "STOCKOUT_WARNING", 1).get(0);
        assertThat(ofType(feed(net.x(), net.key(net.x())), "STOCKOUT_WARNING")).isEmpty();
        String eventId = (String) warning.get("id");
        assertThat(api.postJson("/api/v1/warnings/" + eventId + "/answers", net.key(net.x()), Map.of("action", "LOWER_CONSUMPTION", "dailyRate", 5))
                .status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/warnings/" + eventId + "/answers", net.key(net.d()), Map.of("action", "PRAY")).errors())
                .containsExactly("action: must be LOWER_CONSUMPTION, BACKUP_SUPPLIER, EMERGENCY_TRANSFER, LATERAL_TRANSFER or EXPEDITE");
        Api.Response answer = api.postJson("/api/v1/warnings/" + eventId + "/answers", net.key(net.d()), Map.of("action", "LOWER_CONSUMPTION", "dailyRate", 5));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(awaitEvents(net.n(), net.key(net.n()), "WARNING_ANSWERED", 1).get(0).get("sender")).isEqualTo(net.d());
        assertThat(jdbc.sql("SELECT action FROM warning_response WHERE warning_event_id = ?").param(eventId).query(String.class).single())
                .isEqualTo("LOWER_CONSUMPTION");
    }

    @Test
    void anAnsweredWarningActsAnEmergencyTransferMovesStockAndAnExpediteReachesTheSupplier() {
        Net net = net();
        assertThat(move(net.n(), net.key(net.n()), "CONSUMPTION", "1", Instant.now()).<Boolean>at("warning")).isTrue();
        String warning = (String) awaitEvents(net.d(), net.key(net.d()), "STOCKOUT_WARNING", 1).get(0).get("id");
        String answers = "/api/v1/warnings/" + warning + "/answers";
        String d = net.d();
        String dKey = net.key(d);
        // D holds 8 boards; P, a stranger to D, holds 50.
        assertThat(move(d, dKey, "RECEIPT", "8", Instant.now()).status()).isEqualTo(201);
        assertThat(move(net.p(), net.key(net.p()), "RECEIPT", "50", Instant.now()).status()).isEqualTo(201);

        assertThat(api.postJson(answers, dKey, Map.of("action", "EMERGENCY_TRANSFER", "from", d, "quantity", 20)).errors())
                .containsExactly("from: must be another registered node");
        assertThat(api.postJson(answers, dKey, Map.of("action", "EMERGENCY_TRANSFER", "from", net.p(), "quantity", 1e15)).errors())
                .containsExactly("quantity: must be a finite number from 0.000001 to 1000000000");
        Api.Response transfer = api.postJson(answers, dKey, Map.of("action", "EMERGENCY_TRANSFER", "from", net.p(), "quantity", 20));
        assertThat(transfer.status()).as(transfer.text()).isEqualTo(201);
        assertThat(transfer.<String>at("detail.peer")).isEqualTo(net.p());
        String transferId = transfer.at("detail.transfer");
        Map<?, ?> asked = (Map<?, ?>) awaitEvents(net.p(), net.key(net.p()), "EMERGENCY_TRANSFER", 1).get(0).get("payload");
        assertThat(asked.get("transfer")).isEqualTo(transferId);
        assertThat(asked.get("requester")).isEqualTo(d);
        assertThat(((Number) asked.get("quantity")).doubleValue()).isEqualTo(20);
        Api.Response accepted = api.post("/api/v1/transfers/" + transferId + "/accept", net.key(net.p()), "application/json", "");
        assertThat(accepted.<String>at("status")).as(accepted.text()).isEqualTo("ACCEPTED");
        // 8 + 20 at D, 50 − 20 at P.
        assertThat(api.get("/api/v1/nodes/" + d + "/buffers/" + BOARD, dKey).<Number>at("onHand").doubleValue()).isEqualTo(28);
        assertThat(api.get("/api/v1/nodes/" + net.p() + "/buffers/" + BOARD, net.key(net.p())).<Number>at("onHand").doubleValue()).isEqualTo(30);

        // D's open order with N, due in 20 days, asked for in 10.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant due = now.plus(Duration.ofDays(20));
        assertThat(api.postJson("/api/v1/orders", dKey, Map.of("id", "xo-" + run, "supplier", net.n(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "5", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(15)).toString(), "due", due.toString())).status()).isEqualTo(201);
        assertThat(api.postJson(answers, dKey, Map.of("action", "EXPEDITE", "order", "nope-" + run, "due", now.plus(Duration.ofDays(10)).toString()))
                .errors()).containsExactly("order: must be an open order of " + d + " for " + BOARD);
        assertThat(api.postJson(answers, dKey, Map.of("action", "EXPEDITE", "order", "xo-" + run, "due", due.plus(Duration.ofDays(1)).toString()))
                .errors()).containsExactly("due: must be at least an hour before the order's current due date " + due);
        Api.Response expedite = api.postJson(answers, dKey, Map.of("action", "EXPEDITE", "order", "xo-" + run,
                "due", now.plus(Duration.ofDays(10)).toString()));
        assertThat(expedite.status()).as(expedite.text()).isEqualTo(201);
        assertThat(Instant.parse(expedite.at("detail.requestedDue"))).isEqualTo(now.plus(Duration.ofDays(10)));
        Map<?, ?> request = (Map<?, ?>) awaitEvents(net.n(), net.key(net.n()), "EXPEDITE_REQUESTED", 1).get(0).get("payload");
        assertThat(request.get("order")).isEqualTo("xo-" + run);
        assertThat(request.get("buyer")).isEqualTo(d);
        assertThat(request.get("warning")).isEqualTo(warning);
        assertThat(Instant.parse((String) request.get("currentDue"))).isEqualTo(due);
        assertThat(Instant.parse((String) request.get("requestedDue"))).isEqualTo(now.plus(Duration.ofDays(10)));
        assertThat(jdbc.sql("SELECT action FROM warning_response WHERE warning_event_id = ? ORDER BY recorded_at").param(warning)
                .query(String.class).list()).containsExactly("EMERGENCY_TRANSFER", "EXPEDITE");
    }

    @Test
    void belowTheLowThresholdHoldsNonUrgentReleasesAndAPeerTransferRestoresTheBuffer() {
        Net net = net();
        // D orders 5 boards from N, due in 20 days: routine (U ≪ 0.6), so it may be held. Allocated 5: level 35.
        Instant now = Instant.now();
        Api.Response order = api.postJson("/api/v1/orders", net.key(net.d()), Map.of("id", "o-" + run, "supplier", net.n(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "5", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(15)).toString(), "due", now.plus(Duration.ofDays(20)).toString()));
        assertThat(order.<String>at("outcome")).as(order.text()).isEqualTo("ACCEPTED_ROUTINE");
        // P, 111 km away (the nearest holder), holds 500 boards and uses none: far above its B_hi of 0.
        assertThat(move(net.p(), net.key(net.p()), "RECEIPT", "500", now).status()).isEqualTo(201);

        // 30 more consumed: on hand 10, level 10 − 5 = 5 < B_lo.
        Api.Response low = move(net.n(), net.key(net.n()), "CONSUMPTION", "30", now);
        assertThat(low.<String>at("zone")).isEqualTo("BELOW");
        List<Map<String, Object>> holds = api.get("/api/v1/nodes/" + net.n() + "/holds", net.key(net.n())).at("items");
        assertThat(holds).hasSize(1);
        assertThat(holds.get(0)).containsEntry("orderId", "o-" + run).containsEntry("direction", "OUTBOUND");
        assertThat(holds.get(0).get("releasedAt")).isNull();

        Map<String, Object> request = awaitEvents(net.p(), net.key(net.p()), "EMERGENCY_TRANSFER", 1).get(0);
        Map<?, ?> payload = (Map<?, ?>) request.get("payload");
        double lowNow = low.<Number>at("low").doubleValue();
        assertThat(((Number) payload.get("quantity")).doubleValue()).isCloseTo(lowNow - 5, within(1e-3));
        String transfer = (String) payload.get("transfer");
        assertThat(api.post("/api/v1/transfers/" + transfer + "/accept", net.key(net.x()), "application/json", "").status()).isEqualTo(403);
        Api.Response accepted = api.post("/api/v1/transfers/" + transfer + "/accept", net.key(net.p()), "application/json", "");
        assertThat(accepted.<String>at("status")).as(accepted.text()).isEqualTo("ACCEPTED");

        // Stock moved on both sides, with history; N is back inside its interval and the hold is released.
        Api.Response after = api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.n()));
        assertThat(after.<Number>at("onHand").doubleValue()).isCloseTo(10 + lowNow - 5, within(1e-3));
        assertThat(after.<String>at("zone")).isEqualTo("INSIDE");
        assertThat(api.get("/api/v1/nodes/" + net.p() + "/buffers/" + BOARD, net.key(net.p())).<Number>at("onHand").doubleValue())
                .isCloseTo(500 - (lowNow - 5), within(1e-3));
        List<Map<String, Object>> released = api.get("/api/v1/nodes/" + net.n() + "/holds", net.key(net.n())).at("items");
        assertThat(released.get(0).get("releasedAt")).isNotNull();
        assertThat(awaitEvents(net.n(), net.key(net.n()), "TRANSFER_DECIDED", 1)).hasSize(1);
    }

    Api.Response ship(Net net, String id, String order, String quantity) {
        return api.postJson("/api/v1/shipments", net.key(net.n()), Map.of("id", id, "order", order,
                "lines", List.of(Map.of("material", BOARD, "quantity", quantity, "unitPrice", "4.00", "currency", "EUR"))));
    }

    @Test
    void aHeldQuantityIsNotShippedAndShipsOnceTheHoldIsReleased() {
        Net net = net();
        Instant now = Instant.now();
        String order = "o-" + run;
        assertThat(api.postJson("/api/v1/orders", net.key(net.d()), Map.of("id", order, "supplier", net.n(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "5", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(15)).toString(), "due", now.plus(Duration.ofDays(20)).toString())).<String>at("outcome"))
                .isEqualTo("ACCEPTED_ROUTINE");
        // Before any hold N packs 2 of the 5 boards as a unit.
        assertThat(ship(net, "early-" + run, order, "2").status()).isEqualTo(201);
        assertThat(move(net.p(), net.key(net.p()), "RECEIPT", "500", now).status()).isEqualTo(201);
        // 30 consumed: level 10 − 5 = 5 < B_lo = 10, so N's own buffer holds the routine outbound order.
        assertThat(move(net.n(), net.key(net.n()), "CONSUMPTION", "30", now).<String>at("zone")).isEqualTo("BELOW");
        List<Map<String, Object>> holds = api.get("/api/v1/nodes/" + net.n() + "/holds", net.key(net.n())).at("items");
        String hold = (String) holds.get(0).get("id");

        // The other 3 are held: 409 naming the hold and the order, and nothing is stored.
        Api.Response held = ship(net, "late-" + run, order, "3");
        assertThat(held.status()).as(held.text()).isEqualTo(409);
        assertThat(held.<String>at("detail")).contains("hold " + hold + " by " + net.n()).contains("order " + order).contains("below B_lo");
        assertThat(api.get("/api/v1/shipments/late-" + run, net.key(net.n())).status()).isEqualTo(404);
        // The unit packed before the hold does not leave either.
        Api.Response leave = api.postJson("/api/v1/shipments/early-" + run + "/milestones", net.key(net.n()), Map.of("milestone", "SHIPPED"));
        assertThat(leave.status()).as(leave.text()).isEqualTo(409);
        assertThat(leave.<String>at("detail")).contains("hold " + hold);
        assertThat(api.get("/api/v1/shipments/early-" + run, net.key(net.n())).<List<?>>at("milestones")).isEmpty();

        // P's transfer brings N back inside: the hold is released and both ship.
        String transfer = (String) ((Map<?, ?>) awaitEvents(net.p(), net.key(net.p()), "EMERGENCY_TRANSFER", 1).get(0).get("payload")).get("transfer");
        assertThat(api.post("/api/v1/transfers/" + transfer + "/accept", net.key(net.p()), "application/json", "").<String>at("status"))
                .isEqualTo("ACCEPTED");
        Api.Response late = ship(net, "late-" + run, order, "3");
        assertThat(late.status()).as(late.text()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/shipments/early-" + run + "/milestones", net.key(net.n()), Map.of("milestone", "SHIPPED")).status())
                .isEqualTo(201);
    }

    /** D places tiny orders with N (a thousandth of a board each, so the amount term of ρ stays negligible). */
    void tinyOrders(Net net, int from, int to) {
        Instant now = Instant.now();
        for (int i = from; i < to; i++) {
            Api.Response placed = api.postJson("/api/v1/orders", net.key(net.d()), Map.of("id", "t-" + i + "-" + run, "supplier", net.n(),
                    "lines", List.of(Map.of("material", BOARD, "quantity", "0.001", "unit", "H87")),
                    "earliest", now.plus(Duration.ofDays(1)).toString(), "due", now.plus(Duration.ofDays(5)).toString()));
            assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        }
    }

    void awaitClass(Net net, String wanted, int orders) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = api.get("/api/v1/relations/" + net.d() + "/" + net.n(), net.key(net.d()));
            return r.status() == 200 && wanted.equals(r.at("class")) && ((Number) r.at("ordersIn90Days")).intValue() == orders;
        });
    }

    @Test
    void aMarketNeighbourReadsZoneAndDepletionOnlyACollaborativePartnerTheFullVector() {
        Net net = net();
        Instant now = Instant.now();
        // A reference pair of large orders (N buys 2 × 900 from U) keeps the network's median amount far above D's.
        for (int i = 0; i < 2; i++) {
            assertThat(api.postJson("/api/v1/orders", net.key(net.n()), Map.of("id", "ref-" + i + "-" + run, "supplier", net.u(),
                    "lines", List.of(Map.of("material", BOARD, "quantity", "900", "unit", "H87")),
                    "earliest", now.plus(Duration.ofDays(1)).toString(), "due", now.plus(Duration.ofDays(5)).toString())).<String>at("status"))
                    .isEqualTo("CONFIRMED");
        }
        // One order in 90 days: ρ ≈ 0.5 · (1/90) · 7 = 0.039 < θ1 → MARKET: D sees N's zone and depletion time only.
        tinyOrders(net, 0, 1);
        awaitClass(net, "MARKET", 1);
        Api.Response market = api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.d()));
        assertThat(market.status()).as(market.text()).isEqualTo(200);
        // On hand 40, allocated 0.001, d̄ = 10: T_dep = 39.999 / 10 = 4.0 days.
        assertThat(market.map()).containsOnlyKeys("node", "material", "zone", "time", "depletionDays", "sharingDepth")
                .containsEntry("zone", "INSIDE").containsEntry("sharingDepth", "MARKET");
        assertThat(market.<Number>at("depletionDays").doubleValue()).isEqualTo(4.0);
        // A MARKET read is not a polling read: it may be repeated at once.
        assertThat(api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.d())).status()).isEqualTo(200);

        // Fifteen orders: 0.5 · (15/90) · 7 = 0.583 ≥ 0.525 (θ1 + 5 %) → COLLABORATIVE: the full vector.
        tinyOrders(net, 1, 15);
        awaitClass(net, "COLLABORATIVE", 15);
        Api.Response full = api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.d()));
        assertThat(full.<Number>at("onHand").doubleValue()).isEqualTo(40);
        assertThat(full.<Number>at("allocated").doubleValue()).isEqualTo(0.015);
        assertThat(full.<Number>at("low").doubleValue()).isEqualTo(10);
        assertThat(full.map()).doesNotContainKey("sharingDepth");
    }

    @Test
    void aboveTheHighThresholdHoldsNonUrgentInboundReplenishment() {
        Net net = net();
        Instant now = Instant.now();
        Api.Response order = api.postJson("/api/v1/orders", net.key(net.n()), Map.of("id", "in-" + run, "supplier", net.u(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "50", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(15)).toString(), "due", now.plus(Duration.ofDays(20)).toString()));
        assertThat(order.<String>at("status")).as(order.text()).isEqualTo("CONFIRMED");
        assertThat(move(net.n(), net.key(net.n()), "RECEIPT", "200", now).<String>at("zone")).isEqualTo("ABOVE");
        List<Map<String, Object>> holds = api.get("/api/v1/nodes/" + net.n() + "/holds", net.key(net.n())).at("items");
        assertThat(holds).singleElement().satisfies(h -> assertThat(h).containsEntry("direction", "INBOUND").containsEntry("orderId", "in-" + run));
        // U, the supplier, sees why it cannot ship: the buyer's hold.
        Map<String, Object> unit = Map.of("id", "in-sh-" + run, "order", "in-" + run,
                "lines", List.of(Map.of("material", BOARD, "quantity", "50", "unitPrice", "4.00", "currency", "EUR")));
        Api.Response held = api.postJson("/api/v1/shipments", net.key(net.u()), unit);
        assertThat(held.status()).as(held.text()).isEqualTo(409);
        assertThat(held.<String>at("detail")).contains("hold " + holds.get(0).get("id") + " by " + net.n()).contains("the buyer's buffer above B_hi");
        // A hold expires after hanse.buffers.hold-expiry (14 days): aged past it, it no longer binds.
        jdbc.sql("UPDATE stock_hold SET created_at = ? WHERE id = ?").params(java.sql.Timestamp.from(now.minus(Duration.ofDays(15))), holds.get(0).get("id"))
                .update();
        Api.Response shipped = api.postJson("/api/v1/shipments", net.key(net.u()), unit);
        assertThat(shipped.status()).as(shipped.text()).isEqualTo(201);
    }

    @Test
    void sharedForecastErrorReplacesTheDemandDeviationUpstream() {
        Net net = net();
        assertThat(api.postJson("/api/v1/nodes/" + net.d() + "/forecasts", net.key(net.d()),
                Map.of("supplier", net.n(), "material", BOARD, "forecastError", 2)).status()).isEqualTo(204);
        // SS = 1.644854 · sqrt(4 · 2²) = 6.579
        Api.Response b = api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.n()));
        assertThat(b.<Boolean>at("demand.forecastShared")).isTrue();
        assertThat(b.<Number>at("safetyStock").doubleValue()).isCloseTo(6.579, within(1e-3));
        assertThat(api.postJson("/api/v1/nodes/" + net.d() + "/forecasts", net.key(net.d()),
                Map.of("supplier", net.x(), "material", BOARD, "forecastError", 2)).status()).isEqualTo(400);
        // Non-finite or absurd errors are refused with the path, and the shared error stays 2.
        for (String absurd : List.of("\"NaN\"", "\"Infinity\"", "1e308", "1e-320", "1e400")) {
            Api.Response r = api.post("/api/v1/nodes/" + net.d() + "/forecasts", net.key(net.d()), "application/json",
                    "{\"supplier\": \"" + net.n() + "\", \"material\": \"" + BOARD + "\", \"forecastError\": " + absurd + "}");
            assertThat(r.status()).as("%s: %s", absurd, r.text()).isEqualTo(400);
            assertThat(r.errors()).as(absurd).singleElement().asString().startsWith("forecastError: ");
        }
        assertThat(api.get("/api/v1/nodes/" + net.n() + "/buffers/" + BOARD, net.key(net.n())).<Number>at("safetyStock").doubleValue())
                .isCloseTo(6.579, within(1e-3));
    }

    @Test
    void aSupplierPublishesAProxyEstimateForABuyerWithoutInventoryNotify() {
        String buyer = id("quiet");
        String supplier = id("sup");
        String other = id("other");
        String buyerKey = node(buyer, "order-sync", 52.0);
        String supplierKey = node(supplier, ALL, 52.1);
        String otherKey = node(other, ALL, 52.3);
        capacity(supplier, supplierKey);
        capacity(buyer, buyerKey);
        connect(buyer, buyerKey, supplier, supplierKey);
        connect(other, otherKey, buyer, buyerKey);
        Instant now = Instant.now();
        assertThat(api.postJson("/api/v1/orders", buyerKey, Map.of("id", "q-" + run, "supplier", supplier,
                "lines", List.of(Map.of("material", BOARD, "quantity", "56", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(5)).toString(), "due", now.plus(Duration.ofDays(10)).toString())).status()).isEqualTo(201);
        Map<String, Object> estimate = awaitEvents(other, otherKey, "INVENTORY_POSITION", 1).get(0);
        assertThat(estimate).containsEntry("proxy", true).containsEntry("proxyBy", supplier).containsEntry("about", buyer);
        // Nothing known, nothing delivered yet; 56 ordered over 56 days: 1 a day.
        assertThat(((Number) ((Map<?, ?>) estimate.get("payload")).get("estimatedDailyConsumption")).doubleValue()).isEqualTo(1.0);
        assertThat(awaitEvents(buyer, buyerKey, "INVENTORY_POSITION", 1)).isNotEmpty();
    }

    @Test
    void spreadsheetStockCountsImportWholeOrNotAtAll() throws Exception {
        String node = id("sheet");
        String key = node(node, ALL, 52.0);
        Api.Response good = api.post("/api/v1/nodes/" + node + "/stock/import", key, "text/csv", "local,quantity\nSP19,125\n");
        assertThat(good.status()).as(good.text()).isEqualTo(200);
        assertThat(api.get("/api/v1/nodes/" + node + "/buffers/" + BOARD, key).<Number>at("onHand").doubleValue()).isEqualTo(125);

        Api.Response bad = api.post("/api/v1/nodes/" + node + "/stock/import?separator=;", key, "text/csv",
                "local;quantity\nSP19;130\nOAK-99;4\n;3\nSP19;-2\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).containsExactlyInAnyOrder(
                "rows[3].local: 'OAK-99' is not in the node's bom-mapping",
                "rows[4].local: is empty",
                "rows[5].local: 'SP19' is counted twice",
                "rows[5].quantity: must not be negative");
        assertThat(api.get("/api/v1/nodes/" + node + "/buffers/" + BOARD, key).<Number>at("onHand").doubleValue()).isEqualTo(125);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(xlsx, "hanse-test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Lager");
            sheet.value(0, 0, "local");
            sheet.value(0, 1, "quantity");
            sheet.value(1, 0, "SP19");
            sheet.value(1, 1, 80);
        }
        HttpResponse<String> imported = api.client().send(HttpRequest.newBuilder(URI.create(api.uri("/api/v1/nodes/" + node + "/stock/import").toString()))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xlsx.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/nodes/" + node + "/buffers/" + BOARD, key).<Number>at("onHand").doubleValue()).isEqualTo(80);
        await().until(() -> true);
    }

    @Test
    void leadTimesComeFromTheUpstreamsActualDeliveries() {
        Net net = net();
        Instant now = Instant.now();
        Api.Response order = api.postJson("/api/v1/orders", net.key(net.n()), Map.of("id", "lt-" + run, "supplier", net.u(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "20", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(1)).toString(), "due", now.plus(Duration.ofDays(3)).toString()));
        assertThat(order.status()).as(order.text()).isEqualTo(201);
        // Received right away (receipts cannot lie in the future): one observed delivery of about 0 days replaces the 4-day default.
        Api.Response received = api.postJson("/api/v1/nodes/" + net.n() + "/stock/movements", net.key(net.n()), Map.of("material", BOARD,
                "kind", "RECEIPT", "quantity", "20", "order", "lt-" + run));
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        assertThat(received.<Number>at("leadTime.deliveries").intValue()).isEqualTo(1);
        assertThat(received.<Number>at("leadTime.meanDays").doubleValue()).isLessThan(0.001);
    }

    @Test
    void theCommandLineImportsAStockCount() throws Exception {
        String node = id("cli");
        String key = node(node, ALL, 52.0);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("count", ".csv");
        java.nio.file.Files.writeString(file, "local,quantity\nSP19,42\n");
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = new picocli.CommandLine(new HanseCli()).setOut(new java.io.PrintWriter(out, true))
                .execute("stock", "import", file.toString(), "--node", node, "--key", key, "--url", "http://localhost:" + port);
        assertThat(exit).as(out.toString()).isZero();
        assertThat(api.get("/api/v1/nodes/" + node + "/buffers/" + BOARD, key).<Number>at("onHand").doubleValue()).isEqualTo(42);
        java.nio.file.Files.writeString(file, "local,quantity\nNOPE,1\n");
        assertThat(new picocli.CommandLine(new HanseCli()).setErr(new java.io.PrintWriter(new java.io.StringWriter(), true))
                .execute("stock", "import", file.toString(), "--node", node, "--key", key, "--url", "http://localhost:" + port)).isEqualTo(1);
    }

    @Test
    void badMovementsAreRejectedWithPaths() {
        String node = id("bad");
        String key = node(node, ALL, 52.0);
        Api.Response r = api.postJson("/api/v1/nodes/" + node + "/stock/movements", key,
                Map.of("material", "4006381333931", "kind", "STOLEN", "quantity", "-3"));
        assertThat(r.errors()).containsExactlyInAnyOrder(
                "kind: must be RECEIPT, CONSUMPTION, ADJUSTMENT, TRANSFER_IN or TRANSFER_OUT",
                "material: is not in the node's bom-mapping",
                "quantity: must be a number greater than 0");
        assertThat(move(node, key, "CONSUMPTION", "1", Instant.now()).errors()).containsExactly("quantity: exceeds the stock on hand (0.0)");
        assertThat(api.postJson("/api/v1/nodes/" + node + "/stock/movements", key, Map.of("material", BOARD, "kind", "RECEIPT", "quantity", "1", "unit", "KGM"))
                .errors()).containsExactly("unit: cannot convert KGM (mass) to H87 (count)");
        for (String absurd : List.of("99999999999999999999999999999999", "1e308", "1e-320", "-1e10")) {
            assertThat(move(node, key, "ADJUSTMENT", absurd, Instant.now()).errors()).as(absurd)
                    .containsExactly("quantity: must be a finite number from -1000000000 to 1000000000"
                            + (absurd.equals("1e-320") ? " (a non-zero value must be at least 0.000000001 in size)" : ""));
        }
        assertThat(api.put("/api/v1/nodes/" + node + "/buffer-settings", key, "application/json", "{\"lot-days\": 1e300}").errors())
                .containsExactly("lot-days: must be a finite number from 0 to 3650");
        assertThat(api.get("/api/v1/nodes/" + node + "/stock/movements?material=" + BOARD, key).<List<?>>at("items")).isEmpty();
    }

    @Test
    void movementIdsArePerNodeSoAnotherNodesIdIsNeitherTakenNorVisible() {
        String a = id("ida");
        String b = id("idb");
        String aKey = node(a, ALL, 51.0);
        String bKey = node(b, ALL, 51.1);
        String at = Instant.now().minusSeconds(60).toString();
        Map<String, Object> receipt = Map.of("id", "mv-" + run, "material", BOARD, "kind", "RECEIPT", "quantity", "5", "occurredAt", at);
        assertThat(api.postJson("/api/v1/nodes/" + a + "/stock/movements", aKey, receipt).status()).isEqualTo(201);
        // B records its own movement under the same id: new (201), not a replay of A's and not a conflict.
        Api.Response byB = api.postJson("/api/v1/nodes/" + b + "/stock/movements", bKey,
                Map.of("id", "mv-" + run, "material", BOARD, "kind", "RECEIPT", "quantity", "7", "occurredAt", at));
        assertThat(byB.status()).as(byB.text()).isEqualTo(201);
        assertThat(byB.<Number>at("onHand").doubleValue()).isEqualTo(7);
        assertThat(api.postJson("/api/v1/nodes/" + a + "/stock/movements", aKey, receipt).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/nodes/" + a + "/stock/movements", aKey,
                Map.of("id", "mv-" + run, "material", BOARD, "kind", "RECEIPT", "quantity", "6", "occurredAt", at)).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/nodes/" + a + "/buffers/" + BOARD, aKey).<Number>at("onHand").doubleValue()).isEqualTo(5);
    }
}
