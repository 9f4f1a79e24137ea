package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Trust over real HTTP. Buyer B buys boards from supplier S and sells them to D; O is a stranger. B rates S from
 * S's shipments against one order (promised lead time 6 days, every delivery on time, every SHIPPED claim confirmed by
 * the delivery), with the default P = (0.95, 0.98, 0.95) and w = (0.4, 0.4, 0.2):
 * a rejected delivery gives r = 0.4 / 0.95 + 0 + 0.2 / 0.95 = 0.631579, a fully accepted one
 * r = 0.4 / 0.95 + 0.4 / 0.98 + 0.2 / 0.95 = 1.039742. Five interactions a year give W = clamp(20 / (5/365) d) = 365 d,
 * τ = 121.67 d, so decay weights within one test run differ by less than 1e-6 and T is the plain mean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H", "hanse.buffers.tick=PT1S"})
abstract class TrustApiContract extends ApiTestSupport {

    static final String BOARD = "4012345000016";
    static final String ALL = "order-sync, inventory-notify, exception-broadcast";

    record Net(String b, String s, String d, String o, Map<String, String> keys, String order) {
        String key(String node) {
            return keys.get(node);
        }
    }

    String node(String id, double lat) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], location: { lat: "
                + lat + ", lon: 8.5 } }\nmodules: [" + ALL + "]\nbom-mapping:\n  - { local: SP19, material: \"" + BOARD
                + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    void connect(String buyer, String buyerKey, String supplier, String supplierKey) {
        Api.Response requested = api.postJson("/api/v1/links", buyerKey, Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(BOARD)));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        api.post("/api/v1/links/" + requested.at("id") + "/accept", supplierKey, "application/json", "");
    }

    /** B's buffer: 600 received 56 days ago, 10 used each day since: 40 on hand, B_lo = 10, B_hi = 120 (INSIDE). */
    Net net() {
        String b = id("tb");
        String s = id("ts");
        String d = id("td");
        String o = id("to");
        Map<String, String> keys = Map.of(b, node(b, 52.0), s, node(s, 52.1), d, node(d, 52.2), o, node(o, 52.3));
        api.put("/api/v1/nodes/" + s + "/capacity", keys.get(s), "application/json", """
                {"wip-max": 1000, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD));
        connect(b, keys.get(b), s, keys.get(s));
        connect(d, keys.get(d), b, keys.get(b));
        // Density counts money: S's price list values the order (200 × 12.50 = 2,500.00 EUR), which makes the pair collaborative.
        assertThat(api.put("/api/v1/nodes/" + s + "/prices", keys.get(s), "application/json", """
                {"prices": [{"material": "%s", "unitPrice": "12.50", "currency": "EUR", "validFrom": "2000-01-01"}]}""".formatted(BOARD))
                .status()).isEqualTo(200);
        assertThat(api.put("/api/v1/nodes/" + b + "/buffer-settings", keys.get(b), "application/json", "{\"default-lead-time\": \"P4D\"}").status())
                .isEqualTo(200);
        Instant now = Instant.now();
        assertThat(move(b, keys.get(b), "RECEIPT", "600", now.minus(Duration.ofDays(56))).status()).isEqualTo(201);
        for (int k = 55; k >= 0; k--) {
            assertThat(move(b, keys.get(b), "CONSUMPTION", "10", now.minus(Duration.ofDays(k)).minusSeconds(5)).status()).isEqualTo(201);
        }
        String order = "to-" + run;
        Api.Response placed = api.postJson("/api/v1/orders", keys.get(b), Map.of("id", order, "supplier", s,
                "lines", List.of(Map.of("material", BOARD, "quantity", "200", "unit", "H87")),
                "earliest", now.minus(Duration.ofDays(1)).toString(), "due", now.plus(Duration.ofDays(6)).toString()));
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        // Early counts like late (RULES 3.8): the window opens before the deliveries of the test, so each is on time.
        // S ships from stock: 1000 boards on hand.
        assertThat(move(s, keys.get(s), "RECEIPT", "1000", now.minus(Duration.ofDays(1))).status()).isEqualTo(201);
        return new Net(b, s, d, o, keys, order);
    }

    Api.Response move(String node, String key, String kind, String quantity, Instant at) {
        return api.postJson("/api/v1/nodes/" + node + "/stock/movements", key,
                Map.of("material", BOARD, "kind", kind, "quantity", quantity, "occurredAt", at.toString()));
    }

    /** Ships 40 boards, delivered an hour later, accepted as given; waits until B has rated it. */
    void deliver(Net n, int k, String accepted) {
        String shipment = "tsh-" + k + "-" + run;
        Instant now = Instant.now();
        Api.Response created = api.postJson("/api/v1/shipments", n.key(n.s()), Map.of("id", shipment, "order", n.order(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "40", "unit", "H87", "unitPrice", "12.50", "currency", "EUR"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.s(), Map.of("milestone", "SHIPPED", "at", now.minus(Duration.ofHours(2)).toString())).status()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.b(), Map.of("milestone", "DELIVERED", "at", now.minus(Duration.ofHours(1)).toString())).status()).isEqualTo(201);
        String rejected = Integer.toString(40 - Integer.parseInt(accepted));
        Api.Response done = milestone(n, shipment, n.b(), Map.of("milestone", "ACCEPTED", "accepted", accepted, "rejected", rejected));
        assertThat(done.status()).as(done.text()).isEqualTo(201);
        if (!accepted.equals("0")) {
            // B passes the boards on at once: its buffer stays inside, so no hold on the order (RULES 3.6) stops the next unit.
            assertThat(move(n.b(), n.key(n.b()), "ADJUSTMENT", "-" + accepted, Instant.now()).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/trust/" + n.b() + "/" + n.s(), n.key(n.b()))
                .<List<?>>at("interactions").size() == k);
    }

    Api.Response milestone(Net n, String shipment, String node, Map<String, Object> body) {
        return api.postJson("/api/v1/shipments/" + shipment + "/milestones", n.key(node), body);
    }

    Api.Response trust(Net n, String truster, String trustee, String asNode) {
        return api.get("/api/v1/trust/" + truster + "/" + trustee, n.key(asNode));
    }

    double value(Net n) {
        return trust(n, n.b(), n.s(), n.b()).<Number>at("trust").doubleValue();
    }

    int vectors(String node, String key) {
        return ofType(feed(node, key), "STATE_VECTOR").size();
    }

    @Test
    void aDeliverySevenWeeksBeforeTheWindowOpensIsNotPunctual() {
        Net n = net();
        Instant now = Instant.now();
        String order = "early-" + run;
        // Window [now + 49 d, now + 56 d]; delivered at now: 49 days early over a 56-day lead time → 1 − 49/56 = 0.125 (was 1).
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), Map.of("id", order, "supplier", n.s(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "10", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(49)).toString(), "due", now.plus(Duration.ofDays(56)).toString())).<String>at("state"))
                .isEqualTo("CONFIRMED");
        String shipment = "early-sh-" + run;
        assertThat(api.postJson("/api/v1/shipments", n.key(n.s()), Map.of("id", shipment, "order", order,
                "lines", List.of(Map.of("material", BOARD, "quantity", "10", "unitPrice", "12.50", "currency", "EUR")))).status()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.s(), Map.of("milestone", "SHIPPED", "at", now.minusSeconds(60).toString())).status()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.b(), Map.of("milestone", "DELIVERED", "at", now.toString())).status()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.b(), Map.of("milestone", "ACCEPTED", "accepted", "10", "rejected", "0")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> trust(n, n.b(), n.s(), n.b()).<List<?>>at("interactions").size() == 1);
        assertThat(trust(n, n.b(), n.s(), n.b()).<Number>at("interactions.0.punctuality").doubleValue())
                .isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void aPartnerBelowPointEightGetsNoPushedVectorsAndSeesZonesOnlyUntilItRecoversAbovePointNineFive() {
        Net n = net();
        assertThat(trust(n, n.b(), n.s(), n.b()).<String>at("level")).isEqualTo("REAL_TIME");
        assertThat(value(n)).as("no interaction yet").isEqualTo(1.0);

        deliver(n, 1, "0");
        Api.Response t = trust(n, n.b(), n.s(), n.b());
        assertThat(t.<Number>at("trust").doubleValue()).isEqualTo(0.6316);
        assertThat(t.<String>at("level")).isEqualTo("POLLING");
        assertThat(t.<String>at("window")).isEqualTo("PT8760H");
        assertThat(t.<Number>at("interactions.0.qualified").doubleValue()).isEqualTo(0);
        assertThat(t.<Number>at("interactions.0.punctuality").doubleValue()).isEqualTo(1);
        assertThat(t.<Number>at("interactions.0.information").doubleValue()).isEqualTo(1);
        assertThat(awaitEvents(n.s(), n.key(n.s()), "SHARING_LEVEL_CHANGED", 1).get(0)).extracting(e -> ((Map<?, ?>) e.get("payload")).get("to"))
                .isEqualTo("POLLING");
        assertThat(awaitEvents(n.b(), n.key(n.b()), "SHARING_LEVEL_CHANGED", 1)).hasSize(1);

        // B's zone changes (INSIDE → ABOVE): D, on the REAL_TIME list, is pushed the vector; S, on the polling list, is not.
        int atS = vectors(n.s(), n.key(n.s()));
        int atD = vectors(n.d(), n.key(n.d()));
        assertThat(move(n.b(), n.key(n.b()), "RECEIPT", "500", Instant.now()).<String>at("zone")).isEqualTo("ABOVE");
        awaitEvents(n.d(), n.key(n.d()), "STATE_VECTOR", atD + 1);
        assertThat(vectors(n.s(), n.key(n.s()))).isEqualTo(atS);
        // S polls: the zone only, once per period (24 h); the next read is refused with Retry-After.
        Api.Response polled = api.get("/api/v1/nodes/" + n.b() + "/buffers/" + BOARD, n.key(n.s()));
        assertThat(polled.status()).as(polled.text()).isEqualTo(200);
        assertThat(polled.<String>at("zone")).isEqualTo("ABOVE");
        assertThat(polled.map()).doesNotContainKeys("onHand", "level", "low", "high", "inbound");
        Api.Response again = api.get("/api/v1/nodes/" + n.b() + "/buffers/" + BOARD, n.key(n.s()));
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.header("Retry-After")).isNotNull();
        assertThat(api.get("/api/v1/nodes/" + n.b() + "/buffers/" + BOARD, n.key(n.d())).<Number>at("onHand").doubleValue()).isEqualTo(540);
        assertThat(api.get("/api/v1/nodes/" + n.b() + "/buffers/" + BOARD, n.key(n.o())).status()).isEqualTo(403);
        // Above B_hi, B holds its non-urgent inbound order: S's next unit would be refused (409) until B is back inside.
        assertThat(api.postJson("/api/v1/shipments", n.key(n.s()), Map.of("id", "tsh-held-" + run, "order", n.order(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "40", "unitPrice", "12.50", "currency", "EUR")))).status()).isEqualTo(409);
        assertThat(move(n.b(), n.key(n.b()), "ADJUSTMENT", "-500", Instant.now()).<String>at("zone")).isEqualTo("INSIDE");

        // Hysteresis: (0.631579 + 1.039742) / 2 = 0.8357, (0.631579 + 2 · 1.039742) / 3 = 0.9037 and (… + 3 · …) / 4 = 0.9377
        // keep S polling (between 0.8 and 0.95 the level stays); the fourth good delivery lifts T to
        // (0.631579 + 4 · 1.039742) / 5 = 0.9581 ≥ 0.95: back on the REAL_TIME list.
        deliver(n, 2, "40");
        assertThat(value(n)).isEqualTo(0.8357);
        deliver(n, 3, "40");
        assertThat(value(n)).isEqualTo(0.9037);
        deliver(n, 4, "40");
        assertThat(value(n)).isEqualTo(0.9377);
        assertThat(trust(n, n.b(), n.s(), n.b()).<String>at("level")).isEqualTo("POLLING");
        deliver(n, 5, "40");
        t = trust(n, n.b(), n.s(), n.s());
        assertThat(t.<Number>at("trust").doubleValue()).isEqualTo(0.9581);
        assertThat(t.<String>at("level")).isEqualTo("REAL_TIME");
        assertThat(t.<Number>at("interactions.4.reciprocity").doubleValue()).isEqualTo(1.0397);
        assertThat(t.<Number>at("interactions.0.share").doubleValue()).isEqualTo(0.2);
        List<Map<String, Object>> points = api.get("/api/v1/trust/" + n.b() + "/" + n.s() + "/series", n.key(n.b())).at("points");
        assertThat(points).extracting(p -> p.get("trust")).containsExactly(0.6316, 0.8357, 0.9037, 0.9377, 0.9581);
        assertThat(points).extracting(p -> p.get("level")).containsExactly("POLLING", "POLLING", "POLLING", "POLLING", "REAL_TIME");
        assertThat(awaitEvents(n.s(), n.key(n.s()), "SHARING_LEVEL_CHANGED", 2).get(1)).extracting(e -> ((Map<?, ?>) e.get("payload")).get("to"))
                .isEqualTo("REAL_TIME");

        // Pushes are back: the next zone change reaches S with quantities, and S reads them in full.
        int before = vectors(n.s(), n.key(n.s()));
        Api.Response up = move(n.b(), n.key(n.b()), "RECEIPT", "500", Instant.now());
        assertThat(up.<String>at("zone")).as(up.text()).isEqualTo("ABOVE");
        List<Map<String, Object>> pushed = awaitEvents(n.s(), n.key(n.s()), "STATE_VECTOR", before + 1);
        assertThat(((Map<?, ?>) pushed.get(pushed.size() - 1).get("payload")).containsKey("onHand")).isTrue();
        assertThat(api.get("/api/v1/nodes/" + n.b() + "/buffers/" + BOARD, n.key(n.s())).<Object>at("onHand")).isNotNull();
    }

    @Test
    void aNodeSeesTheTrustItHoldsAndTheTrustHeldAboutItNothingElse() {
        Net n = net();
        assertThat(trust(n, n.b(), n.s(), n.s()).status()).isEqualTo(200);
        assertThat(trust(n, n.s(), n.b(), n.b()).status()).isEqualTo(200);
        assertThat(trust(n, n.b(), n.s(), n.o()).status()).isEqualTo(403);
        assertThat(trust(n, n.b(), n.s(), n.d()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/trust/" + n.b() + "/" + n.s() + "/series", n.key(n.o())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + n.b() + "/trust", n.key(n.s())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/trust/" + n.b() + "/" + n.s(), OPERATOR).status()).isEqualTo(200);
        deliver(n, 1, "40");
        Map<String, Object> mine = api.get("/api/v1/nodes/" + n.s() + "/trust", n.key(n.s())).map();
        assertThat((List<?>) mine.get("heldAbout")).hasSize(1);
        assertThat((List<?>) mine.get("holds")).isEmpty();
    }

    @Test
    void agreedParametersApplyAndBadProposalsAreRefusedWithEveryProblem() {
        Net n = net();
        Api.Response bad = api.put("/api/v1/trust/parameters", n.key(n.b()), "application/json", """
                {"buyer": "%s", "supplier": "%s", "promised": {"punctuality": 1.2, "qualified": 0.95, "information": 0.9},
                 "weights": {"punctuality": 0.5, "qualified": 0.5, "information": 0.5}}""".formatted(n.b(), n.s()));
        assertThat(bad.errors()).containsExactlyInAnyOrder("promised.punctuality: must lie in (0, 1]", "weights: weights must sum to 1, not 1.5");
        assertThat(api.put("/api/v1/trust/parameters", n.key(n.b()), "application/json", """
                {"buyer": "%s", "supplier": "%s", "promised": {"punctuality": 0.9, "qualified": 0.95},
                 "weights": {"punctuality": 0.5, "quality": 0.3, "information": 0.2}}""".formatted(n.b(), n.s())).errors())
                .containsExactlyInAnyOrder("promised.information: is required, a number", "weights.qualified: is required, a number",
                        "weights.quality: is not a trust dimension (punctuality, qualified, information)");
        // Subnormal levels and weights (1e-320 passes "> 0" and leaves the weights' sum at 1) are refused with their paths.
        assertThat(api.put("/api/v1/trust/parameters", n.key(n.b()), "application/json", """
                {"buyer": "%s", "supplier": "%s", "promised": {"punctuality": 0.9, "qualified": 0.95, "information": 1e-320},
                 "weights": {"punctuality": 0.5, "qualified": 0.5, "information": 1e-320}}""".formatted(n.b(), n.s())).errors())
                .extracting(e -> e.substring(0, e.indexOf(':'))).containsExactlyInAnyOrder("promised.information", "weights.information");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trust_parameter_proposal WHERE buyer_id = ?").param(n.b()).query(Long.class).single()).isZero();
        assertThat(propose(n, n.o(), 0.5).status()).isIn(403, 422);

        assertThat(propose(n, n.b(), 0.5).<Boolean>at("agreed")).isFalse();
        assertThat(propose(n, n.s(), 0.6).<Boolean>at("agreed")).as("different weights: no agreement").isFalse();
        Api.Response agreed = propose(n, n.s(), 0.5);
        assertThat(agreed.<Boolean>at("agreed")).isTrue();
        assertThat(awaitEvents(n.b(), n.key(n.b()), "TRUST_PARAMETERS_AGREED", 1)).hasSize(1);
        // With P = (0.9, 0.95, 0.9), w = (0.5, 0.3, 0.2) and 30 of 40 accepted: r = 0.5 · min(1/0.9, 1.5) + 0.3 · 0.75/0.95
        // + 0.2 · 1/0.9 = 0.555556 + 0.236842 + 0.222222 = 1.014620.
        deliver(n, 1, "30");
        assertThat(value(n)).isEqualTo(1.0146);
        assertThat(api.get("/api/v1/trust/parameters?buyer=" + n.b() + "&supplier=" + n.s(), n.key(n.o())).status()).isEqualTo(403);
    }

    Api.Response propose(Net n, String as, double punctualityWeight) {
        return api.put("/api/v1/trust/parameters", n.key(as), "application/json", """
                {"buyer": "%s", "supplier": "%s", "promised": {"punctuality": 0.9, "qualified": 0.95, "information": 0.9},
                 "weights": {"punctuality": %s, "qualified": %s, "information": 0.2}}""".formatted(n.b(), n.s(), punctualityWeight,
                punctualityWeight == 0.5 ? "0.3" : "0.2"));
    }

    @Test
    void aPenaltyCountsOnlyOnceConfirmedAndTheDisputeIsRecorded() {
        Net n = net();
        Instant day = Instant.now().minus(Duration.ofDays(1));
        Map<String, Object> report = Map.of("id", "pen-" + run, "trustee", n.s(), "kind", "INFORMATION_CONCEALMENT", "order", n.order(),
                "occurredAt", day.toString(), "concealed", "P3D", "evidence", "stock-out known on Monday, reported on Thursday");
        Api.Response bad = api.postJson("/api/v1/penalties", n.key(n.b()), Map.of("id", "pen2-" + run, "trustee", n.o(), "kind", "RUDENESS",
                "concealed", "three days"));
        assertThat(bad.errors()).containsExactlyInAnyOrder("trustee: must be an accepted neighbour of " + n.b(),
                "kind: must be MALICIOUS_DEFAULT or INFORMATION_CONCEALMENT", "concealed: must be an ISO 8601 duration such as P3D",
                "leadTime: is required when no order is named (the asymmetry is concealed time / lead time)",
                "evidence: is required: what happened and how it was found out (at most 2000 characters)");
        Api.Response reported = api.postJson("/api/v1/penalties", n.key(n.b()), report);
        assertThat(reported.status()).as(reported.text()).isEqualTo(201);
        // Concealed 3 days of the order's 6-day lead time: a = 0.5.
        assertThat(reported.<Number>at("asymmetry").doubleValue()).isEqualTo(0.5);
        assertThat(api.postJson("/api/v1/penalties", n.key(n.b()), report).status()).as("the same report again").isEqualTo(200);
        assertThat(value(n)).as("reported, not confirmed").isEqualTo(1.0);
        // To an outsider the penalty is as absent as one never reported (404, not 403).
        assertThat(api.get("/api/v1/penalties/pen-" + run, n.key(n.o())).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/penalties/pen-" + run + "/decision", n.key(n.b()), Map.of("decision", "UPHOLD")).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/penalties/pen-" + run + "/dispute", n.key(n.b()), Map.of("reason", "x")).status()).isEqualTo(403);
        Api.Response disputed = api.postJson("/api/v1/penalties/pen-" + run + "/dispute", n.key(n.s()), Map.of("reason", "we told B by phone on Monday"));
        assertThat(disputed.<String>at("status")).isEqualTo("DISPUTED");
        assertThat(api.get("/api/v1/penalties", OPERATOR).<List<Map<String, Object>>>at("items")).extracting(p -> p.get("id")).contains("pen-" + run);
        Api.Response upheld = api.postJson("/api/v1/penalties/pen-" + run + "/decision", OPERATOR, Map.of("decision", "UPHOLD", "note", "no record of the call"));
        assertThat(upheld.<String>at("status")).isEqualTo("UPHELD");
        // No interaction: W = 365 d, τ = 121.67 d; one day old: T = 1 · (1 − 0.5 · 0.5 · e^(−1 / 486.67)) = 0.750513.
        Api.Response t = trust(n, n.b(), n.s(), n.s());
        assertThat(t.<Number>at("trust").doubleValue()).isEqualTo(0.7505);
        assertThat(t.<String>at("level")).isEqualTo("POLLING");
        assertThat(t.<Number>at("penalties.0.factor").doubleValue()).isEqualTo(0.7505);
        assertThat(awaitEvents(n.s(), n.key(n.s()), "PENALTY_DECIDED", 2)).hasSize(2);
        assertThat(awaitEvents(n.s(), n.key(n.s()), "SHARING_LEVEL_CHANGED", 1)).hasSize(1);
        assertThat(api.postJson("/api/v1/penalties/pen-" + run + "/withdraw", n.key(n.b()), Map.of()).status()).isEqualTo(409);
        // The report and the operator's decision are ledger entries; the dispute is part of the decision's.
        assertThat(reported.<Object>at("ledger")).isNotNull();
        assertThat(disputed.<Object>at("decisionLedger")).isNull();
        assertThat(upheld.<Number>at("decisionLedger.index").longValue()).isGreaterThan(reported.<Number>at("ledger.index").longValue());
        assertThat(ledgerFindings()).isEmpty();
    }
}
