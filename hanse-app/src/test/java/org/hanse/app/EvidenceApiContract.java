package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Evidence with provenance over real HTTP (RULES 3.4, 3.8): checked DELIVERY_MISSED reports, acknowledged and timed-out
 * orders, suppliers rating buyers by their payments. Nodes declare no response timeout: wait 4 h, 2 retries, so an
 * order is re-delivered at 12 h · 1/7 and 12 h · 3/7 (back-off 2) and times out after 12 h. Default P = (0.95, 0.98, 0.95),
 * w = (0.4, 0.4, 0.2); with one interaction in a year T is that interaction's r.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.messaging.acks.check=PT0.2S",
        "hanse.trust.overdue-check=PT0.5S"})
@Import(MutableClock.Config.class)
abstract class EvidenceApiContract extends ApiTestSupport {

    static final String BOARD = "4012345000016";
    static final String ALL = "order-sync, inventory-notify, exception-broadcast";

    @Autowired
    MutableClock clock;

    record Pair(String b, String s, Map<String, String> keys) {
        String key(String node) {
            return keys.get(node);
        }
    }

    String node(String id) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], "
                + "location: { lat: 52.0, lon: 8.5 } }\nmodules: [" + ALL + "]\nbom-mapping:\n  - { local: SP19, material: \"" + BOARD
                + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    /** Buyer B and supplier S (capacity for boards), linked without a stated transit. */
    Pair pair(String tag) {
        return pair(tag, null);
    }

    /** Buyer B and supplier S (capacity for boards), linked with the given transit (ISO 8601, null for an estimate). */
    Pair pair(String tag, String transit) {
        String b = id(tag + "b");
        String s = id(tag + "s");
        Map<String, String> keys = Map.of(b, node(b), s, node(s));
        api.put("/api/v1/nodes/" + s + "/capacity", keys.get(s), "application/json", """
                {"wip-max": 100000, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD));
        Map<String, Object> link = new java.util.HashMap<>(Map.of("buyer", b, "supplier", s, "materials", List.of(BOARD)));
        if (transit != null) {
            link.put("transit", transit);
        }
        Api.Response requested = api.postJson("/api/v1/links", keys.get(b), link);
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/links/" + requested.at("id") + "/accept", keys.get(s), "application/json", "").status()).isEqualTo(200);
        return new Pair(b, s, keys);
    }

    /** An order of 200 boards due in 6 days (accepted: S has capacity). */
    String order(Pair p, String id) {
        Instant now = clock.instant();
        Api.Response placed = api.postJson("/api/v1/orders", p.key(p.b()), Map.of("id", id, "supplier", p.s(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "200", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(2)).toString(), "due", now.plus(Duration.ofDays(6)).toString()));
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        return id;
    }

    Api.Response missed(Pair p, String reporter, String id, Map<String, Object> payload) {
        return api.postJson("/api/v1/events", p.key(reporter), Map.of("id", id, "type", "DELIVERY_MISSED",
                "recipients", List.of(reporter.equals(p.b()) ? p.s() : p.b()), "payload", payload));
    }

    String ship(Pair p, String order, String quantity, String price) {
        String shipment = "sh-" + order;
        Api.Response created = api.postJson("/api/v1/shipments", p.key(p.s()), Map.of("id", shipment, "order", order,
                "lines", List.of(Map.of("material", BOARD, "quantity", quantity, "unit", "H87", "unitPrice", price, "currency", "EUR"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        shelve(p);
        assertThat(api.postJson("/api/v1/shipments/" + shipment + "/milestones", p.key(p.s()), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
        Api.Response delivered = api.postJson("/api/v1/shipments/" + shipment + "/milestones", p.key(p.b()), Map.of("milestone", "DELIVERED"));
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(201);
        return shipment;
    }

    Api.Response trust(Pair p, String truster, String trustee) {
        return api.get("/api/v1/trust/" + truster + "/" + trustee, p.key(truster));
    }

    @Test
    void aForgedDeliveryMissedIs422AndAnOverdueUndeliveredOrderIsReported() {
        Pair p = pair("m");
        String order = order(p, "mo-" + run);
        String done = order(p, "md-" + run);
        ship(p, done, "200", "10");

        Api.Response noOrder = missed(p, p.b(), "m0-" + run, Map.of("material", BOARD));
        assertThat(noOrder.status()).isEqualTo(400);
        assertThat(noOrder.errors()).containsExactly("payload.order: is required: the id of the order whose delivery was missed");
        Api.Response early = missed(p, p.b(), "m1-" + run, Map.of("order", order));
        assertThat(early.status()).as(early.text()).isEqualTo(422);
        assertThat(early.errors()).singleElement().asString().startsWith("payload.order: order " + order + " is due at ");
        Api.Response unknown = missed(p, p.b(), "m2-" + run, Map.of("order", "nope-" + run));
        assertThat(unknown.errors()).containsExactly("payload.order: no order nope-" + run + " placed by " + p.b());
        // The supplier cannot report its own buyer's order as missed.
        assertThat(missed(p, p.s(), "m3-" + run, Map.of("order", order)).errors())
                .containsExactly("payload.order: no order " + order + " placed by " + p.s());

        clock.advance(Duration.ofDays(7));
        Api.Response delivered = missed(p, p.b(), "m4-" + run, Map.of("order", done));
        assertThat(delivered.status()).isEqualTo(422);
        // Fully delivered, the order has moved on in its life cycle (RULES 3.5.1): nothing is outstanding any more.
        assertThat(delivered.errors()).containsExactly("payload.order: order " + done + " is DELIVERED: no confirmed delivery is outstanding");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_log WHERE type = 'DELIVERY_MISSED' AND sender_id = ?").param(p.b())
                .query(Long.class).single()).as("a refused report stores nothing").isZero();
        Api.Response real = missed(p, p.b(), "m5-" + run, Map.of("order", order));
        assertThat(real.status()).as(real.text()).isEqualTo(202);
        assertThat(awaitEvents(p.s(), p.key(p.s()), "DELIVERY_MISSED", 1)).hasSize(1);
    }

    @Test
    void anUnansweredOrderIsRedeliveredThenTimesOutAndCostsTheSupplierInformationAccuracy() {
        Pair p = pair("t");
        String silent = order(p, "ts-" + run);
        String acked = order(p, "ta-" + run);
        String withdrawn = order(p, "tw-" + run);
        List<Map<String, Object>> placed = awaitEvents(p.s(), p.key(p.s()), "ORDER_PLACED", 3);
        String silentEvent = eventFor(placed, silent);
        String ackedEvent = eventFor(placed, acked);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM message_expectation WHERE recipient_id = ?")
                .param(p.s()).query(Long.class).single() == 3);
        // B withdraws one order: S no longer owes an answer to it (no time-out, no response delay).
        assertThat(api.post("/api/v1/orders/" + withdrawn + "/withdraw", p.key(p.b()), "application/json", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(api.post("/api/v1/nodes/" + p.s() + "/inbox/"
                + eventFor(placed, withdrawn) + "/ack", p.key(p.s()), "application/json", "").<String>at("status")));

        // S acknowledges one order after an hour: answered, with its delay; nobody else may acknowledge for S.
        clock.advance(Duration.ofHours(1));
        assertThat(api.post("/api/v1/nodes/" + p.s() + "/inbox/" + ackedEvent + "/ack", p.key(p.b()), "application/json", "").status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/nodes/" + p.s() + "/inbox/nope-" + run + "/ack", p.key(p.s()), "application/json", "").status())
                .isEqualTo(404);
        Api.Response ack = api.post("/api/v1/nodes/" + p.s() + "/inbox/" + ackedEvent + "/ack", p.key(p.s()), "application/json", "");
        assertThat(ack.status()).as(ack.text()).isEqualTo(200);
        assertThat(ack.<String>at("status")).isEqualTo("ANSWERED");
        assertThat(Duration.parse(ack.at("delay"))).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusSeconds(30));

        // The first re-delivery is due at 12 h / 7 = 1 h 42 min 51 s: the unanswered order reappears at the end of S's feed.
        long before = seqOf(p.s(), silentEvent);
        long ackedBefore = seqOf(p.s(), ackedEvent);
        clock.advance(Duration.ofMinutes(45));
        await().atMost(Duration.ofSeconds(20)).until(() -> seqOf(p.s(), silentEvent) > before);
        assertThat(seqOf(p.s(), ackedEvent)).as("the acknowledged order is not re-sent").isEqualTo(ackedBefore);

        // At 12 h the order times out (the jump past L skips the second re-delivery: a time-out comes first):
        // RESPONSE_TIMED_OUT to B; one interaction rated on information alone,
        // r = 0.4 · 0.95/0.95 + 0.4 · 0.98/0.98 + 0.2 · 0/0.95 = 0.8.
        clock.advance(Duration.ofHours(11));
        Map<String, Object> timedOut = awaitEvents(p.b(), p.key(p.b()), "RESPONSE_TIMED_OUT", 1).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> timedOutPayload = (Map<String, Object>) timedOut.get("payload");
        assertThat(timedOutPayload).containsEntry("request", silentEvent).containsEntry("order", silent)
                .containsEntry("silentNode", p.s()).containsEntry("silenceLimit", "PT12H").containsEntry("redelivered", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> trust(p, p.b(), p.s()).<List<?>>at("interactions").size() == 1);
        Api.Response t = trust(p, p.b(), p.s());
        assertThat(t.<String>at("interactions.0.kind")).isEqualTo("TIMEOUT");
        assertThat(t.<Number>at("interactions.0.information").doubleValue()).isEqualTo(0);
        assertThat(t.<Number>at("interactions.0.statusMessages").intValue()).isEqualTo(1);
        assertThat(t.<Number>at("interactions.0.confirmed").intValue()).isEqualTo(0);
        assertThat(t.<Number>at("trust").doubleValue()).isEqualTo(0.8);
        // Too late to acknowledge now; the acknowledged order never timed out.
        assertThat(api.post("/api/v1/nodes/" + p.s() + "/inbox/" + silentEvent + "/ack", p.key(p.s()), "application/json", "").status())
                .isEqualTo(409);
        assertThat(ofType(feed(p.b(), p.key(p.b())), "RESPONSE_TIMED_OUT")).hasSize(1);
    }

    @Test
    void latePaymentsLowerTheSuppliersTrustInItsBuyer() {
        Pair p = pair("p");
        String order = order(p, "po-" + run);
        assertThat(api.put("/api/v1/terms", p.key(p.s()), "application/json", "{\"buyer\": \"" + p.b() + "\", \"kind\": \"NET\", \"days\": 30}")
                .status()).isEqualTo(200);
        String shipment = ship(p, order, "200", "10");
        Instant delivered = Instant.parse(api.get("/api/v1/shipments/" + shipment, p.key(p.b()))
                .<List<Map<String, Object>>>at("milestones").stream().filter(m -> "DELIVERED".equals(m.get("milestone")))
                .map(m -> (String) m.get("at")).findFirst().orElseThrow());
        assertThat(trust(p, p.s(), p.b()).<Number>at("trust").doubleValue()).as("nothing rated yet").isEqualTo(1.0);

        // NET 30 is due 30 days after delivery; B pays all 2000.00 at 45 days: 15 days late over 30 days of credit,
        // q_p = 1 − 15/30 = 0.5, in full q_q = 1, q_i = 1 → r = 0.4 · 0.5/0.95 + 0.4 · 1/0.98 + 0.2 · 1/0.95 = 0.829216.
        clock.advance(Duration.ofDays(46));
        Api.Response paid = api.postJson("/api/v1/payments", p.key(p.b()), Map.of("id", "pp-" + run, "payee", p.s(), "amount", "2000.00",
                "currency", "EUR", "paidAt", delivered.plus(Duration.ofDays(45)).toString(),
                "allocations", List.of(Map.of("shipment", shipment, "line", 1, "trigger", "NET_30"))));
        assertThat(paid.status()).as(paid.text()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> trust(p, p.s(), p.b()).<List<?>>at("interactions").size() == 1);
        Api.Response t = trust(p, p.s(), p.b());
        assertThat(t.<String>at("interactions.0.kind")).isEqualTo("INSTALMENT");
        assertThat(t.<Number>at("interactions.0.punctuality").doubleValue()).isEqualTo(0.5);
        assertThat(t.<Number>at("interactions.0.qualified").doubleValue()).isEqualTo(1);
        assertThat(t.<String>at("interactions.0.lateness")).isEqualTo("PT360H");
        assertThat(t.<Number>at("trust").doubleValue()).isEqualTo(0.8292);
    }

    @Test
    void aBuyerThatNeverPaysIsRatedOnceItsInstalmentIsACreditPeriodOverdue() {
        // NET 30 unpaid: due at 30 days, a whole credit period overdue at 60 days. The rest counts as paid then, 30 days
        // late: q_p = 1 − 30/30 = 0, nothing paid q_q = 0, q_i = 1 → r = 0.2 · 1/0.95 = 0.210526.
        Pair p = pair("n");
        String order = order(p, "no-" + run);
        assertThat(api.put("/api/v1/terms", p.key(p.s()), "application/json", "{\"buyer\": \"" + p.b() + "\", \"kind\": \"NET\", \"days\": 30}")
                .status()).isEqualTo(200);
        ship(p, order, "200", "10");
        clock.advance(Duration.ofDays(59));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> trust(p, p.s(), p.b()).<List<?>>at("interactions").isEmpty());
        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> trust(p, p.s(), p.b()).<List<?>>at("interactions").size() == 1);
        Api.Response t = trust(p, p.s(), p.b());
        assertThat(t.<String>at("interactions.0.kind")).isEqualTo("INSTALMENT");
        assertThat(t.<Number>at("interactions.0.punctuality").doubleValue()).isEqualTo(0);
        assertThat(t.<Number>at("interactions.0.qualified").doubleValue()).isEqualTo(0);
        assertThat(t.<Number>at("trust").doubleValue()).isEqualTo(0.2105);
    }

    @Test
    void informationAccuracyIsMeasuredFromTheSuppliersClaimsAgainstTheDelivery() {
        // Transit 1 day. S confirms an order due in 6 days and ships at once (SHIPPED: arrival expected in 1 day); the
        // goods arrive at 6.5 days. With 1 day of tolerance the confirmation holds (6.5 ≤ 7), the dispatch advice does not
        // (6.5 > 2): q_i = 1/2. q_p = 1 − 0.5/6 = 0.916667, all accepted q_q = 1:
        // r = 0.4 · 0.916667/0.95 + 0.4 · 1/0.98 + 0.2 · 0.5/0.95 = 0.385965 + 0.408163 + 0.105263 = 0.899391.
        Pair p = pair("q", "P1D");
        String order = order(p, "qo-" + run);
        String placed = (String) awaitEvents(p.s(), p.key(p.s()), "ORDER_PLACED", 1).get(0).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "ANSWERED".equals(api.post("/api/v1/nodes/" + p.s() + "/inbox/" + placed + "/ack",
                p.key(p.s()), "application/json", "").<String>at("status")));
        String shipment = "sh-" + order;
        assertThat(api.postJson("/api/v1/shipments", p.key(p.s()), Map.of("id", shipment, "order", order, "lines", List.of(Map.of("material",
                BOARD, "quantity", "200", "unit", "H87", "unitPrice", "10", "currency", "EUR")))).status()).isEqualTo(201);
        shelve(p);
        assertThat(api.postJson("/api/v1/shipments/" + shipment + "/milestones", p.key(p.s()), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
        clock.advance(Duration.ofHours(156));
        assertThat(api.postJson("/api/v1/shipments/" + shipment + "/milestones", p.key(p.b()), Map.of("milestone", "DELIVERED")).status()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/shipments/" + shipment + "/milestones", p.key(p.b()),
                Map.of("milestone", "ACCEPTED", "accepted", "200", "rejected", "0")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> trust(p, p.b(), p.s()).<List<?>>at("interactions").size() == 1);
        Api.Response t = trust(p, p.b(), p.s());
        assertThat(t.<String>at("interactions.0.kind")).isEqualTo("DELIVERY");
        assertThat(t.<Number>at("interactions.0.statusMessages").intValue()).isEqualTo(2);
        assertThat(t.<Number>at("interactions.0.confirmed").intValue()).isEqualTo(1);
        assertThat(t.<Number>at("interactions.0.information").doubleValue()).isEqualTo(0.5);
        assertThat(t.<Number>at("interactions.0.punctuality").doubleValue()).isCloseTo(0.916667, org.assertj.core.api.Assertions.within(2e-4));
        assertThat(t.<Number>at("trust").doubleValue()).isCloseTo(0.899391, org.assertj.core.api.Assertions.within(2e-4));
    }

    @Test
    void responseDelaysComeFromTheRecipientsAnswersNotFromDeliveryLatency() {
        // S answers one order after 1 h and another after 3 h: delays 3600 s and 10800 s, mean 7200 s, sample variance
        // (3600² + 3600²) / 1 = 25 920 000 s², suggested timeout 4 h + 2 · 5091.17 s = 24582 s.
        Pair p = pair("d");
        String first = order(p, "d1-" + run);
        String second = order(p, "d2-" + run);
        List<Map<String, Object>> placed = awaitEvents(p.s(), p.key(p.s()), "ORDER_PLACED", 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM message_expectation WHERE recipient_id = ?")
                .param(p.s()).query(Long.class).single() == 2);
        clock.advance(Duration.ofHours(1));
        assertThat(api.post("/api/v1/nodes/" + p.s() + "/inbox/" + eventFor(placed, first) + "/ack", p.key(p.s()), "application/json", "")
                .status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        assertThat(api.post("/api/v1/nodes/" + p.s() + "/inbox/" + eventFor(placed, second) + "/ack", p.key(p.s()), "application/json", "")
                .status()).isEqualTo(200);
        Map<String, Object> link = api.get("/api/v1/network/analytics", p.key(p.b())).<List<Map<String, Object>>>at("delays").stream()
                .filter(d -> p.b().equals(d.get("from")) && p.s().equals(d.get("to"))).findFirst().orElseThrow();
        assertThat(((Number) link.get("messages")).intValue()).isEqualTo(2);
        assertThat(((Number) link.get("meanSeconds")).doubleValue()).isCloseTo(7200, org.assertj.core.api.Assertions.within(5.0));
        assertThat(((Number) link.get("varianceSeconds2")).doubleValue()).isCloseTo(25_920_000, org.assertj.core.api.Assertions.within(50_000.0));
        assertThat(Duration.parse((String) link.get("suggestedTimeout")).toSeconds()).isBetween(24_572L, 24_592L);
    }

    static String eventFor(List<Map<String, Object>> events, String order) {
        return events.stream().filter(e -> order.equals(((Map<?, ?>) e.get("payload")).get("order"))).map(e -> (String) e.get("id"))
                .findFirst().orElseThrow();
    }

    long seqOf(String node, String event) {
        return jdbc.sql("SELECT seq FROM inbox WHERE recipient_id = ? AND event_id = ?").params(node, event).query(Long.class).single();
    }

    /** Shipping moves the supplier's stock (RULES 3.5.1): 1000 boards come onto its shelf. */
    void shelve(Pair p) {
        Api.Response received = api.postJson("/api/v1/nodes/" + p.s() + "/stock/movements", p.key(p.s()), Map.of("material", BOARD,
                "kind", "RECEIPT", "quantity", "1000", "occurredAt", Instant.now().minusSeconds(60).toString()));
        assertThat(received.status()).as(received.text()).isEqualTo(201);
    }
}
