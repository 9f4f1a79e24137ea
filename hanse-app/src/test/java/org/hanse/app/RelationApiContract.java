package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Relationship analytics over real HTTP: a pair climbing through the classes by its orders, complements, analytics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H", "hanse.buffers.tick=PT1S",
        "hanse.relations.confluence-timeout=PT2S", "hanse.relations.paths-every=PT1H", "hanse.relations.confluence-check=PT1H"})
abstract class RelationApiContract extends ApiTestSupport {

    static final String BOARD = "4012345004557";

    String node(String id, double lat) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], location: { lat: "
                + lat + ", lon: 9.0 } }\nmodules: [order-sync, inventory-notify, exception-broadcast]\nbom-mapping:\n  - { local: P1, material: \""
                + BOARD + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    void connect(String buyer, String buyerKey, String supplier, String supplierKey) {
        Api.Response requested = api.postJson("/api/v1/links", buyerKey, Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(BOARD)));
        assertThat(api.post("/api/v1/links/" + requested.at("id") + "/accept", supplierKey, "application/json", "").status()).isEqualTo(200);
    }

    /** Capacity for boards on an edge bander: the same declared machine makes S and A alike (a backup needs a declared match). */
    void capacity(String node, String key) {
        assertThat(api.put("/api/v1/nodes/" + node + "/capacity", key, "application/json", """
                {"wip-max": 1000, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24, "equipment": ["homag-kal-210"]}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 1000}]}""".formatted(BOARD)).status()).isEqualTo(200);
    }

    void orders(String buyer, String key, String supplier, int from, int to) {
        Instant now = Instant.now();
        for (int i = from; i < to; i++) {
            Api.Response placed = api.postJson("/api/v1/orders", key, Map.of("id", "ro-" + i + "-" + run, "supplier", supplier,
                    "lines", List.of(Map.of("material", BOARD, "quantity", "0.001", "unit", "H87")),
                    "earliest", now.plus(Duration.ofDays(1)).toString(), "due", now.plus(Duration.ofDays(5)).toString()));
            assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        }
    }

    Api.Response move(String node, String key, String kind, String quantity, Instant at) {
        return api.postJson("/api/v1/nodes/" + node + "/stock/movements", key,
                Map.of("material", BOARD, "kind", kind, "quantity", quantity, "occurredAt", at.toString()));
    }

    int vectors(String node, String key) {
        return ofType(feed(node, key), "STATE_VECTOR").size();
    }

    Map<String, Object> awaitClass(String b, String s, String key, String wanted, int orders) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = api.get("/api/v1/relations/" + b + "/" + s, key);
            return r.status() == 200 && wanted.equals(r.at("class")) && ((Number) r.at("ordersIn90Days")).intValue() == orders;
        });
        return api.get("/api/v1/relations/" + b + "/" + s, key).map();
    }

    @Test
    void aPairCrossesThetaOneThenThetaTwoThroughItsOrders() {
        String b = id("rb");
        String s = id("rs");
        String a = id("ra");
        String o = id("ro");
        Map<String, String> keys = Map.of(b, node(b, 50.0), s, node(s, 50.1), a, node(a, 50.2), o, node(o, 50.3));
        capacity(s, keys.get(s));
        capacity(a, keys.get(a));
        // The operator vouches for A, so A counts as an alternative supplier (backups are vetted suppliers only).
        assertThat(api.put("/api/v1/nodes/" + a + "/verification", OPERATOR, "application/json", "{\"verified\": true}").status()).isEqualTo(200);
        connect(b, keys.get(b), s, keys.get(s));
        // Orders of a thousandth of a piece keep κ · m negligible whatever the network's median (κ = 1 / median of the
        // pairs' daily amounts), so this pair's density is its frequency term 0.5 · f / (1/7). A big reference pair
        // (two orders of 900) makes sure the median is not this pair's own tiny amount.
        String r1 = id("rr");
        String rKey = node(r1, 51.0);
        connect(r1, rKey, a, keys.get(a));
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
            assertThat(api.postJson("/api/v1/orders", rKey, Map.of("id", "ref-" + i + "-" + run, "supplier", a,
                    "lines", List.of(Map.of("material", BOARD, "quantity", "900", "unit", "H87")),
                    "earliest", now.plus(Duration.ofDays(1)).toString(), "due", now.plus(Duration.ofDays(5)).toString())).<String>at("status")).isEqualTo("CONFIRMED");
        }
        assertThat(api.get("/api/v1/relations/" + b + "/" + s, keys.get(b)).status()).as("no orders yet: not assessed").isEqualTo(404);
        // B keeps a buffer: 600 received 56 days ago, 10 used a day.
        assertThat(api.put("/api/v1/nodes/" + b + "/buffer-settings", keys.get(b), "application/json", "{\"default-lead-time\": \"P4D\"}").status()).isEqualTo(200);
        assertThat(move(b, keys.get(b), "RECEIPT", "600", now.minus(Duration.ofDays(56))).status()).isEqualTo(201);
        for (int k = 55; k >= 0; k--) {
            move(b, keys.get(b), "CONSUMPTION", "10", now.minus(Duration.ofDays(k)).minusSeconds(5));
        }

        // One order a quarter: ρ ≈ 0.5 · (1/90) / (1/7) = 0.039 (+ a small amount term) < θ1 = 0.5 → MARKET.
        orders(b, keys.get(b), s, 0, 1);
        Map<String, Object> market = awaitClass(b, s, keys.get(b), "MARKET", 1);
        assertThat(((Number) market.get("rho")).doubleValue()).isLessThan(0.5);
        assertThat(market.get("sharingDepth")).isEqualTo("order status only");
        // MARKET: no buffer vectors to S, no forecasts.
        int atS = vectors(s, keys.get(s));
        assertThat(move(b, keys.get(b), "RECEIPT", "500", Instant.now()).<String>at("zone")).isEqualTo("ABOVE");
        assertThat(api.postJson("/api/v1/nodes/" + b + "/forecasts", keys.get(b), Map.of("supplier", s, "material", BOARD, "forecastError", 2)).status())
                .isEqualTo(409);

        // Fifteen orders: 0.5 · (15/90) · 7 = 0.583 ≥ 0.525 (θ1 + 5 %) → COLLABORATIVE; θ2 = 3 · (1 + φ) ≈ 6 with S almost idle.
        orders(b, keys.get(b), s, 1, 15);
        Map<String, Object> collaborative = awaitClass(b, s, keys.get(b), "COLLABORATIVE", 15);
        assertThat(((Number) collaborative.get("rho")).doubleValue()).isGreaterThan(0.525);
        assertThat(((Number) collaborative.get("theta2")).doubleValue()).isBetween(5.9, 6.0);
        assertThat(collaborative.get("exceptionPriority")).isEqualTo("NORMAL");
        List<Map<String, Object>> events = awaitEvents(s, keys.get(s), "RELATIONSHIP_REASSESSED", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) events.get(0).get("payload");
        assertThat(first).containsEntry("from", "MARKET").containsEntry("class", "COLLABORATIVE");
        assertThat(vectors(s, keys.get(s))).as("nothing was pushed while MARKET").isEqualTo(atS);
        assertThat(move(b, keys.get(b), "CONSUMPTION", "500", Instant.now()).status()).isEqualTo(201);
        awaitEvents(s, keys.get(s), "STATE_VECTOR", atS + 1);
        assertThat(api.postJson("/api/v1/nodes/" + b + "/forecasts", keys.get(b), Map.of("supplier", s, "material", BOARD, "forecastError", 2)).status())
                .isEqualTo(204);

        // Switching would cost five months of spend: θ2 = 3 · (1 + φ) / 6 ≈ 1.0; thirty-one orders give 0.5 · (31/90) · 7 = 1.21
        // > 1.05 (θ2 + 5 %) → LOCK_IN_RISK, with advice naming A as an alternative for the 100 % share.
        assertThat(api.put("/api/v1/relations/" + b + "/" + s + "/settings", keys.get(b), "application/json", "{\"switchingCost\": 5}").status())
                .isEqualTo(200);
        orders(b, keys.get(b), s, 15, 31);
        Map<String, Object> lockIn = awaitClass(b, s, keys.get(b), "LOCK_IN_RISK", 31);
        assertThat(((Number) lockIn.get("theta2")).doubleValue()).isBetween(0.99, 1.0);
        assertThat(lockIn.get("exceptionPriority")).isEqualTo("HIGH");
        List<Map<String, Object>> second = awaitEvents(b, keys.get(b), "RELATIONSHIP_REASSESSED", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) second.get(1).get("payload");
        assertThat(payload).containsEntry("from", "COLLABORATIVE").containsEntry("class", "LOCK_IN_RISK");
        @SuppressWarnings("unchecked")
        Map<String, Object> advice = ((List<Map<String, Object>>) payload.get("advice")).get(0);
        assertThat(((Number) advice.get("share")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) advice.get("keepAtMost")).doubleValue()).isEqualTo(0.6);
        assertThat(String.valueOf(advice.get("alternatives"))).contains(a);
        // Visibility.
        assertThat(api.get("/api/v1/relations/" + b + "/" + s, keys.get(o)).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/relations/" + b + "/" + s + "/settings", keys.get(b), "application/json", "{\"switchingCost\": -1, \"specificity\": 2}")
                .errors()).containsExactlyInAnyOrder("switchingCost: must be ≥ 0: the cost of switching to the best alternative in 30-day spends of the pair",
                "specificity: must lie in [0, 1]");

        // S acknowledges one of B's orders: its response delay is what the analytics show for the link B → S.
        String placed = (String) awaitEvents(s, keys.get(s), "ORDER_PLACED", 1).get(0).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "ANSWERED".equals(api.post("/api/v1/nodes/" + s + "/inbox/" + placed + "/ack",
                keys.get(s), "application/json", "").<String>at("status")));
        Api.Response network = api.get("/api/v1/network/analytics", OPERATOR);
        assertThat(network.<List<Map<String, Object>>>at("pairs")).extracting(p -> p.get("buyer") + ">" + p.get("supplier")).contains(b + ">" + s);
        assertThat(network.<List<Map<String, Object>>>at("criticalPaths")).anyMatch(p -> ((List<?>) p.get("nodes")).containsAll(List.of(s, b)));
        assertThat(network.<Number>at("clusteringIndexKm")).isNotNull();
        assertThat(network.<List<Map<String, Object>>>at("delays")).anyMatch(d -> d.get("from").equals(b) && d.get("to").equals(s));
        Map<String, Object> slice = api.get("/api/v1/network/analytics", keys.get(o)).map();
        assertThat(slice.get("scope")).isEqualTo(o);
        assertThat((List<?>) slice.get("pairs")).isEmpty();
    }

    @Test
    void aRingOfSuppliersLeavesAnalyticsWorkingAndIsReportedAsACycle() {
        // x buys from y, y from z, z from x: before, the critical-path pass threw and the analytics answered 500 for everyone.
        String x = id("rx");
        String y = id("ry");
        String z = id("rz");
        Map<String, String> keys = Map.of(x, register(x, "order-sync"), y, register(y, "order-sync"), z, register(z, "order-sync"));
        link(x, keys.get(x), y, keys.get(y));
        link(y, keys.get(y), z, keys.get(z));
        link(z, keys.get(z), x, keys.get(x));
        Api.Response network = api.get("/api/v1/network/analytics", OPERATOR);
        assertThat(network.status()).as(network.text()).isEqualTo(200);
        assertThat(network.<List<List<String>>>at("cycles")).contains(List.of(x, y, z));
        Api.Response slice = api.get("/api/v1/network/analytics", keys.get(y));
        assertThat(slice.status()).as(slice.text()).isEqualTo(200);
        assertThat(slice.<List<List<String>>>at("cycles")).containsExactly(List.of(x, y, z));
    }

    @Test
    void complementsCoverAConstraintAndInadmissibleSpecificityIsExcludedWithTheReason() {
        String a = id("ca");
        String b = id("cb");
        String c = id("cc");
        String d = id("cd");
        String e = id("ce");
        Map<String, String> keys = Map.of(a, node(a, 40), b, node(b, 40), c, node(c, 40), d, node(d, 40), e, node(e, 40));
        Api.Response bad = api.put("/api/v1/nodes/" + a + "/resources", keys.get(a), "application/json",
                "[{\"id\": \"m\", \"kind\": \"robot\", \"capacity\": -1, \"load\": 3, \"ranges\": {\"width\": [9, 1]}}]");
        assertThat(bad.errors()).containsExactlyInAnyOrder("[0].kind: must be equipment, storage or skill", "[0].className: is required, e.g. cnc-milling",
                "[0].capacity: must be a number ≥ 0 (units a day)", "[0].ranges.width: must be [min, max] with min ≤ max");
        // A needs 60 units a day more milling (load 160 on capacity 100) for parts up to 800 mm wide.
        declare(a, keys.get(a), "equipment", "cnc-milling", 100, 160, "{\"width\": [0, 800]}");
        // B has 30 spare, C has 150 spare but only up to 500 mm, D is welding, E has 80 spare up to 1000 mm.
        declare(b, keys.get(b), "equipment", "cnc-milling", 100, 70, "{\"width\": [0, 1200], \"depth\": [0, 300]}");
        declare(c, keys.get(c), "equipment", "cnc-milling", 200, 50, "{\"width\": [0, 500]}");
        declare(d, keys.get(d), "equipment", "welding", 100, 0, "{}");
        declare(e, keys.get(e), "equipment", "cnc-milling", 100, 20, "{\"width\": [0, 1000]}");
        // A and E already work together on very specific tooling: σ = 0.95 with no orders (f = 0): the bound is
        // 0.4 + 0.5 · (1 − e⁰) = 0.4, so E is excluded with the reason.
        Api.Response link = api.postJson("/api/v1/links", keys.get(a), Map.of("buyer", a, "supplier", e, "materials", List.of(BOARD)));
        api.post("/api/v1/links/" + link.at("id") + "/accept", keys.get(e), "application/json", "");
        assertThat(api.put("/api/v1/relations/" + a + "/" + e + "/settings", keys.get(a), "application/json", "{\"specificity\": 0.95}").status()).isEqualTo(200);
        Map<String, Object> result = api.get("/api/v1/nodes/" + a + "/complements", keys.get(a)).map();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> matches = (List<Map<String, Object>>) result.get("complements");
        // B: min(30, 60) / 60 × 1 (the width fits) = 0.5; C: the range does not contain [0, 800] → 0, not listed.
        assertThat(matches).extracting(m -> m.get("node")).containsExactly(b);
        assertThat(((Number) matches.get(0).get("score")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) matches.get(0).get("covered")).doubleValue()).isEqualTo(0.5);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> excluded = (List<Map<String, Object>>) result.get("excluded");
        assertThat(excluded).extracting(m -> m.get("node")).containsExactly(e);
        assertThat((String) excluded.get(0).get("reason")).isEqualTo("asset specificity 0.950 exceeds 0.400, the bound at 0.00 orders a week");
        assertThat(api.get("/api/v1/nodes/" + a + "/complements", keys.get(b)).status()).isEqualTo(403);
    }

    void declare(String node, String key, String kind, String className, double capacity, double load, String ranges) {
        Api.Response r = api.put("/api/v1/nodes/" + node + "/resources", key, "application/json",
                "[{\"id\": \"m\", \"kind\": \"" + kind + "\", \"className\": \"" + className + "\", \"capacity\": " + capacity + ", \"load\": " + load
                        + ", \"ranges\": " + ranges + "}]");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Test
    void messagesToACriticalNodeTravelTwoPathsAndAreCrossValidated() throws Exception {
        // S supplies M, M supplies R; I buys from M and sells to R, so it is a neighbour of both M and R.
        String s = id("ts");
        String m = id("tm");
        String r = id("tr");
        String i = id("ti");
        Map<String, String> keys = Map.of(s, node(s, 45.0), m, node(m, 45.1), r, node(r, 45.2), i, node(i, 45.3));
        capacity(s, keys.get(s));
        capacity(m, keys.get(m));
        capacity(i, keys.get(i));
        connect(m, keys.get(m), s, keys.get(s));
        connect(r, keys.get(r), m, keys.get(m));
        connect(i, keys.get(i), m, keys.get(m));
        connect(r, keys.get(r), i, keys.get(i));
        orders(r, keys.get(r), m, 100, 103);
        orders(m, keys.get(m), s, 200, 202);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/relations/" + m + "/" + s, keys.get(m)).status() == 200);
        Api.Response refreshed = api.postJson("/api/v1/network/critical-paths", OPERATOR, Map.of());
        assertThat(refreshed.<List<Map<String, Object>>>at("paths")).anyMatch(p -> p.get("toward").equals(r) && ((List<?>) p.get("nodes")).containsAll(List.of(s, m, r)));
        assertThat(awaitEvents(m, keys.get(m), "CRITICAL_PATH_CHANGED", 1)).isNotEmpty();
        assertThat(api.postJson("/api/v1/network/critical-paths", keys.get(m), Map.of()).status()).isEqualTo(403);

        // Equal copies (keys in another order: the canonical form is the same) → applied once.
        Api.Response sent = api.postJson("/api/v1/messages", keys.get(m), Map.of("id", "msg1-" + run, "to", r, "type", "PRICE_LIST",
                "payload", Map.of("a", 1, "b", List.of(1, 2))));
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        assertThat(sent.<String>at("status")).isEqualTo("WAITING");
        assertThat(sent.<String>at("via")).isEqualTo(i);
        assertThat(awaitEvents(i, keys.get(i), "RELAY_REQUEST", 1)).hasSize(1);
        Api.Response forwarded = api.postJson("/api/v1/messages/msg1-" + run + "/forward", keys.get(i),
                Map.of("payload", new java.util.TreeMap<>(Map.of("b", List.of(1, 2), "a", 1)).descendingMap()));
        assertThat(forwarded.<String>at("status")).as(forwarded.text()).isEqualTo("APPLIED");
        List<Map<String, Object>> applied = awaitEvents(r, keys.get(r), "SECURE_MESSAGE", 1);
        assertThat(applied).hasSize(1);
        assertThat(((Map<?, ?>) applied.get(0).get("payload")).get("integrity")).isEqualTo("APPLIED");
        assertThat(api.postJson("/api/v1/messages/msg1-" + run + "/forward", keys.get(i), Map.of("payload", Map.of("a", 1))).status()).isEqualTo(409);
        assertThat(api.postJson("/api/v1/messages/msg1-" + run + "/forward", keys.get(r), Map.of("payload", Map.of("a", 1))).status()).isEqualTo(403);

        // The intermediary corrupts its copy → INTEGRITY_MISMATCH, neither applied.
        api.postJson("/api/v1/messages", keys.get(m), Map.of("id", "msg2-" + run, "to", r, "type", "PRICE_LIST", "payload", Map.of("a", 1)));
        assertThat(api.postJson("/api/v1/messages/msg2-" + run + "/forward", keys.get(i), Map.of("payload", Map.of("a", 2))).<String>at("status"))
                .isEqualTo("INTEGRITY_MISMATCH");
        assertThat(awaitEvents(r, keys.get(r), "INTEGRITY_MISMATCH", 1)).hasSize(1);
        assertThat(awaitEvents(m, keys.get(m), "INTEGRITY_MISMATCH", 1)).hasSize(1);

        // The intermediary drops its copy → after the timeout the direct copy is applied, flagged DEGRADED.
        api.postJson("/api/v1/messages", keys.get(m), Map.of("id", "msg3-" + run, "to", r, "type", "PRICE_LIST", "payload", Map.of("a", 3)));
        Thread.sleep(2_200);
        assertThat(api.postJson("/api/v1/network/critical-paths", OPERATOR, Map.of()).<Number>at("messagesSettled").intValue()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/messages/msg3-" + run, keys.get(r)).<String>at("status")).isEqualTo("DEGRADED");
        List<Map<String, Object>> all = awaitEvents(r, keys.get(r), "SECURE_MESSAGE", 2);
        assertThat(all).hasSize(2);
        assertThat(((Map<?, ?>) all.get(1).get("payload")).get("integrity")).isEqualTo("DEGRADED");
        assertThat(api.get("/api/v1/messages/msg3-" + run, keys.get(s)).status()).isEqualTo(404);
    }

    @Test
    void aNodeOffTheOriginsPathCannotRelayItsItemsNorSubscribeToThem() {
        String v = id("vo");
        String n = id("vn");
        String x = id("vx");
        String y = id("vy");
        Map<String, String> keys = Map.of(v, node(v, 46.0), n, node(n, 46.1), x, node(x, 46.2), y, node(y, 46.3));
        connect(n, keys.get(n), v, keys.get(v));
        // The attacker's two self-registered nodes are each other's accepted neighbours, but off every path from V.
        connect(x, keys.get(x), y, keys.get(y));
        Api.Response hijack = api.postJson("/api/v1/relay", keys.get(x), Map.of("id", "fake-" + run, "origin", v, "hops", 4, "to", List.of(y),
                "item", Map.of("x", 1)));
        assertThat(hijack.status()).as(hijack.text()).isEqualTo(403);
        Api.Response forged = api.postJson("/api/v1/relay", keys.get(x), Map.of("id", "fake2-" + run, "origin", v, "hops", 0, "to", List.of(y),
                "item", Map.of("x", 1)));
        assertThat(forged.status()).as(forged.text()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM relay_subscription WHERE origin_id = ?").param(v).query(Long.class).single()).isZero();
        // V's next item reaches its neighbour only; nothing of V's lands in Y's feed.
        Api.Response real = api.postJson("/api/v1/relay", keys.get(v), Map.of("id", "real-" + run, "origin", v, "to", List.of(n), "item", Map.of("x", 2)));
        assertThat(real.<List<String>>at("to")).containsExactly(n);
        assertThat(awaitEvents(n, keys.get(n), "RELAYED_ITEM", 1)).hasSize(1);
        List<Map<String, Object>> atY = feed(y, keys.get(y));
        assertThat(ofType(atY, "RELAYED_ITEM")).isEmpty();
        assertThat(ofType(atY, "RELAY_SUBSCRIBED")).isEmpty();
    }

    Api.Response relay(String key, Map<String, Object> body) {
        return api.postJson("/api/v1/relay", key, body);
    }

    @Test
    void relaysBeyondFourHopsAreDroppedAndTheRecipientsSubscribeToTheOrigin() {
        String o = id("ho");
        String a = id("ha");
        String b = id("hb");
        String c = id("hc");
        String d = id("hd");
        String e = id("he");
        Map<String, String> keys = Map.of(o, node(o, 44.0), a, node(a, 44.1), b, node(b, 44.2), c, node(c, 44.3), d, node(d, 44.4), e, node(e, 44.5));
        // A chain of accepted links O – A – B – C – D – E.
        connect(a, keys.get(a), o, keys.get(o));
        connect(b, keys.get(b), a, keys.get(a));
        connect(c, keys.get(c), b, keys.get(b));
        connect(d, keys.get(d), c, keys.get(c));
        connect(e, keys.get(e), d, keys.get(d));
        assertThat(relay(keys.get(o), Map.of("id", "it1", "origin", o, "to", List.of(a), "item", Map.of("x", 1))).<Number>at("hops").intValue()).isEqualTo(1);
        // A claims the item has travelled no hops and brings other content: the server stamps the hops it recorded
        // (1 at A, so 2 at B) and relays the origin's content.
        Api.Response second = relay(keys.get(a), Map.of("id", "it1", "origin", o, "hops", 0, "to", List.of(b), "item", Map.of("x", 666)));
        assertThat(second.<Number>at("hops").intValue()).as(second.text()).isEqualTo(2);
        Map<?, ?> atB = (Map<?, ?>) awaitEvents(b, keys.get(b), "RELAYED_ITEM", 1).get(0).get("payload");
        assertThat(atB.get("hops")).isEqualTo(2);
        assertThat(atB.get("content")).isEqualTo(Map.of("x", 1));
        assertThat(relay(keys.get(b), Map.of("id", "it1", "origin", o, "to", List.of(c))).<Number>at("hops").intValue()).isEqualTo(3);
        // Three hops so far: relayed once more (hops 4).
        Api.Response fourth = relay(keys.get(c), Map.of("id", "it1", "origin", o, "to", List.of(d)));
        assertThat(fourth.<Boolean>at("relayed")).isTrue();
        assertThat(fourth.<Number>at("hops").intValue()).isEqualTo(4);
        List<Map<String, Object>> got = awaitEvents(d, keys.get(d), "RELAYED_ITEM", 1);
        assertThat(((Map<?, ?>) got.get(0).get("payload")).get("origin")).isEqualTo(o);
        assertThat(((Map<?, ?>) got.get(0).get("payload")).get("hops")).isEqualTo(4);
        // Four hops already at D: dropped; E now takes O's items directly.
        Api.Response fifth = relay(keys.get(d), Map.of("id", "it1", "origin", o, "to", List.of(e)));
        assertThat(fifth.<Boolean>at("relayed")).isFalse();
        assertThat(fifth.<List<String>>at("subscribed")).containsExactly(e);
        assertThat(awaitEvents(e, keys.get(e), "RELAY_SUBSCRIBED", 1)).hasSize(1);
        Api.Response direct = relay(keys.get(o), Map.of("id", "it2", "origin", o, "to", List.of(a), "item", Map.of("x", 3)));
        assertThat(direct.<List<String>>at("to")).containsExactly(a, e);
        List<Map<String, Object>> atE = awaitEvents(e, keys.get(e), "RELAYED_ITEM", 1);
        assertThat(((Map<?, ?>) atE.get(0).get("payload")).get("hops")).isEqualTo(1);
        // It reached E directly, so E may pass it on; B, which it never reached, may not.
        assertThat(relay(keys.get(e), Map.of("id", "it2", "origin", o, "to", List.of(d))).<Number>at("hops").intValue()).isEqualTo(2);
        assertThat(relay(keys.get(b), Map.of("id", "it2", "origin", o, "to", List.of(c))).status()).isEqualTo(403);
        assertThat(relay(keys.get(o), Map.of("id", "it2", "origin", o, "to", List.of(a), "item", Map.of("x", 4))).status())
                .as("the same item id with other content").isEqualTo(409);
        assertThat(relay(keys.get(b), Map.of("id", "", "origin", "nobody-" + run, "to", List.of(o))).errors())
                .containsExactlyInAnyOrder("id: is required: 1 to 100 letters, digits, '.', '_', ':' or '-'", "origin: must be a registered node",
                        "to[0]: must be an accepted neighbour of " + b);
        // A message between nodes off every critical path goes once, directly.
        Api.Response plain = api.postJson("/api/v1/messages", keys.get(a), Map.of("id", "plain-" + run, "to", b, "type", "NOTE", "payload", Map.of("t", "hi")));
        assertThat(plain.<String>at("status")).isEqualTo("DIRECT");
        assertThat(awaitEvents(b, keys.get(b), "SECURE_MESSAGE", 1)).hasSize(1);
    }

    @Test
    void aMessageIdIsTheSendersOwnAndReusingItForOtherContentIs409() {
        String a = id("ma");
        String b = id("mb");
        String o = id("mo");
        Map<String, String> keys = Map.of(a, node(a, 43.0), b, node(b, 43.1), o, node(o, 43.2));
        connect(b, keys.get(b), a, keys.get(a));
        String id = "note-" + run;
        Map<String, Object> note = Map.of("id", id, "to", b, "type", "NOTE", "payload", Map.of("t", "hi"));
        Api.Response first = api.postJson("/api/v1/messages", keys.get(a), note);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        // The same message again is a replay with the original answer; other content under the id is refused, not dropped.
        Api.Response again = api.postJson("/api/v1/messages", keys.get(a), note);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.map()).isEqualTo(first.map());
        assertThat(api.postJson("/api/v1/messages", keys.get(a), Map.of("id", id, "to", b, "type", "NOTE", "payload", Map.of("t", "bye")))
                .status()).isEqualTo(409);
        assertThat(api.postJson("/api/v1/messages", keys.get(a), Map.of("id", id, "to", b, "type", "PRICE_LIST", "payload", Map.of("t", "hi")))
                .status()).isEqualTo(409);
        // B uses the same id for its own message to A: a message of its own, both delivered.
        Api.Response reply = api.postJson("/api/v1/messages", keys.get(b), Map.of("id", id, "to", a, "type", "NOTE", "payload", Map.of("t", "yo")));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.<String>at("id")).isEqualTo(id);
        assertThat(reply.<String>at("from")).isEqualTo(b);
        assertThat(awaitEvents(a, keys.get(a), "SECURE_MESSAGE", 1)).hasSize(1);
        assertThat(awaitEvents(b, keys.get(b), "SECURE_MESSAGE", 1)).hasSize(1);
        // Each sender reads its own by the bare id, the other's under the stored key; an outsider finds nothing (404, not 403).
        assertThat(api.get("/api/v1/messages/" + id, keys.get(a)).<String>at("from")).isEqualTo(a);
        assertThat(api.get("/api/v1/messages/" + id, keys.get(b)).<String>at("from")).isEqualTo(b);
        assertThat(api.get("/api/v1/messages/" + a + "@" + id, keys.get(b)).<String>at("from")).isEqualTo(a);
        assertThat(api.get("/api/v1/messages/" + id, keys.get(o)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/messages/" + b + "@" + id, keys.get(o)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/messages/nobody-" + run, keys.get(o)).status()).isEqualTo(404);
    }

    @Test
    void relationSettingsAndResourcesRefuseNonFiniteAndAbsurdNumbers() {
        String b = id("nb");
        String s = id("ns");
        Map<String, String> keys = Map.of(b, node(b, 42.0), s, node(s, 42.1));
        connect(b, keys.get(b), s, keys.get(s));
        for (String cost : List.of("\"NaN\"", "\"Infinity\"", "1e308", "1e-320", "1e400")) {
            Api.Response r = api.put("/api/v1/relations/" + b + "/" + s + "/settings", keys.get(b), "application/json",
                    "{\"switchingCost\": " + cost + ", \"specificity\": \"NaN\"}");
            assertThat(r.status()).as("%s: %s", cost, r.text()).isEqualTo(400);
            assertThat(r.errors()).as(cost).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactlyInAnyOrder("switchingCost", "specificity");
        }
        Api.Response resources = api.put("/api/v1/nodes/" + b + "/resources", keys.get(b), "application/json",
                "[{\"id\": \"m\", \"kind\": \"equipment\", \"className\": \"cnc\", \"capacity\": \"Infinity\", \"load\": 1e300,"
                        + " \"ranges\": {\"width\": [\"-Infinity\", 1e-320]}}]");
        assertThat(resources.errors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactlyInAnyOrder("[0].capacity", "[0].load", "[0].ranges.width[0]", "[0].ranges.width[1]");
        assertThat(api.put("/api/v1/relations/" + b + "/" + s + "/settings", keys.get(b), "application/json", "{\"switchingCost\": 1000.5}")
                .errors()).containsExactly("switchingCost: must be a finite number from 0 to 1000");
    }
}
