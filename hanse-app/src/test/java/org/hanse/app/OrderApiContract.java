package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Orders over real HTTP: a buyer, a manufacturer whose sideboard has a bill of materials, and the manufacturer's
 * board supplier. Capacity calendars have no days off so the expected numbers do not depend on the weekday.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
@Import(MutableClock.Config.class)
abstract class OrderApiContract extends ApiTestSupport {

    static final String SIDEBOARD = "4012360002019";
    static final String TABLE = "4012360002033";
    static final String CHIPBOARD = "4012345000016";

    @Autowired
    MutableClock clock;

    /** Node keys of one test's little network: buyer B, manufacturer M, board supplier S, outsider O. */
    record Net(String b, String m, String s, String o, Map<String, String> keys) {
        String key(String node) {
            return keys.get(node);
        }
    }

    static String mapping(String local, String material) {
        return "  - { local: " + local + ", material: \"" + material + "\", unit: { local: piece, code: H87, factor: 1 } }\n";
    }

    static String node(String id, String role, String modules, String bom) {
        return "node: { id: " + id + ", name: \"" + id + "\", roles: [" + role + "], location: { lat: 52.19, lon: 8.71 } }\n"
                + "modules: [" + modules + "]\nresponse-timeout: { wait: PT4H, retries: 2 }\nbom-mapping:\n" + bom;
    }

    Net net(String supplierModules) {
        String b = id("b");
        String m = id("m");
        String s = id("s");
        String o = id("o");
        String all = "order-sync, inventory-notify, exception-broadcast";
        String bKey = post(node(b, "retailer", all, mapping("SB", SIDEBOARD) + mapping("TI", TABLE)));
        String mKey = post(node(m, "manufacturer", all, mapping("SB", SIDEBOARD) + mapping("TI", TABLE) + mapping("SP", CHIPBOARD)) + """
                capacity:
                  wip-max: 10
                  calendar: { days-off: [] }
                  resources: [ { id: assembly, hours-per-day: 8 } ]
                  materials:
                    - { material: "%s", resource: assembly, rate-per-hour: 1, setup: PT0S }
                    - { material: "%s", resource: assembly, rate-per-hour: 1 }
                  auto-place-components: true
                  bom:
                    - material: "%s"
                      processing-time: PT24H
                      components: [ { material: "%s", quantity: 2, supplier: %s } ]
                """.formatted(SIDEBOARD, TABLE, SIDEBOARD, CHIPBOARD, s));
        String sKey = post(node(s, "supplier", supplierModules, mapping("P2", CHIPBOARD)));
        Api.Response declared = api.put("/api/v1/nodes/" + s + "/capacity", sKey, "application/json", """
                {"wip-max": 10, "calendar": {"days-off": []}, "resources": [{"id": "press", "hours-per-day": 16}],
                 "materials": [{"material": "%s", "resource": "press", "rate-per-hour": 10}]}""".formatted(CHIPBOARD));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        String oKey = post(node(o, "retailer", all, mapping("SB", SIDEBOARD)));
        link(b, bKey, m, mKey, List.of(SIDEBOARD, TABLE), "PT24H");
        link(m, mKey, s, sKey, List.of(CHIPBOARD), "PT12H");
        return new Net(b, m, s, o, Map.of(b, bKey, m, mKey, s, sKey, o, oKey));
    }

    private String post(String yaml) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, yaml);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    private void link(String buyer, String buyerKey, String supplier, String supplierKey, List<String> materials, String transit) {
        Api.Response requested = api.postJson("/api/v1/links", buyerKey,
                Map.of("buyer", buyer, "supplier", supplier, "materials", materials, "transit", transit));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/links/" + requested.at("id") + "/accept", supplierKey, "application/json", "").status()).isEqualTo(200);
    }

    Map<String, Object> order(String id, String supplier, String material, String quantity, String unit, Instant earliest, Instant due) {
        return Map.of("id", id, "supplier", supplier, "lines", List.of(Map.of("material", material, "quantity", quantity, "unit", unit)),
                "earliest", earliest.toString(), "due", due.toString());
    }

    static Instant at(Api.Response r, String path) {
        return Instant.parse(r.at(path));
    }

    @Test
    void explodesToTwoTiersAndResponsesFlowBackUp() {
        Net n = net("order-sync, inventory-notify, exception-broadcast");
        Instant now = clock.instant();
        String po = "po-" + run;
        // One dozen sideboards: the manufacturer counts pieces (H87).
        Api.Response placed = api.postJson("/api/v1/orders", n.key(n.b()),
                order(po, n.m(), SIDEBOARD, "1", "DZN", now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(10))));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.<String>at("status")).isEqualTo("CONFIRMED");
        assertThat(placed.<String>at("outcome")).isEqualTo("ACCEPTED_ROUTINE");
        assertThat(placed.<Number>at("lines.0.supplierQuantity").doubleValue()).isEqualTo(12);
        // R = 12 h + 24 h transit = 36 h; D − now = 240 h: U = 0.15.
        assertThat(placed.<Number>at("decision.urgency").doubleValue()).isCloseTo(0.15, within(1e-3));
        assertThat(placed.<Number>at("decision.requiredHours").doubleValue()).isEqualTo(36);

        Api.Response chain = api.get("/api/v1/orders/" + po + "/chain", n.key(n.b()));
        assertThat(chain.<Boolean>at("feasible")).isTrue();
        List<Map<String, Object>> steps = chain.at("steps");
        assertThat(steps).extracting(s -> s.get("node")).containsExactly(n.m(), n.s());
        assertThat(steps.get(1).get("order")).isEqualTo(po + "~1");
        assertThat(steps.get(1).get("parent")).isEqualTo(po);
        // Backward: LF_M = D − 24 h transit, LS_M = LF_M − 24 h processing; the boards are due at LS_M, LF_S = LS_M − 12 h.
        Instant due = now.plus(Duration.ofDays(10));
        assertThat(Instant.parse((String) steps.get(0).get("lf"))).isEqualTo(due.minus(Duration.ofDays(1)));
        assertThat(Instant.parse((String) steps.get(0).get("ls"))).isEqualTo(due.minus(Duration.ofDays(2)));
        assertThat(Instant.parse((String) steps.get(1).get("lf"))).isEqualTo(due.minus(Duration.ofDays(2)).minus(Duration.ofHours(12)));
        // 24 boards at 10 per hour: 2.4 h, within one 16-hour day.
        assertThat(steps.get(1).get("processing")).isEqualTo("PT2H24M");

        Api.Response component = api.get("/api/v1/orders/" + po + "~1", n.key(n.s()));
        assertThat(component.<String>at("buyer")).isEqualTo(n.m());
        assertThat(component.<Number>at("lines.0.supplierQuantity").doubleValue()).isEqualTo(24);
        assertThat(awaitEvents(n.s(), n.key(n.s()), "ORDER_PLACED", 1).get(0).get("sender")).isEqualTo(n.m());
        assertThat(awaitEvents(n.m(), n.key(n.m()), "ORDER_RESPONSE", 1).get(0).get("sender")).isEqualTo(n.s());
        Map<String, Object> status = awaitEvents(n.b(), n.key(n.b()), "ORDER_STATUS", 1).get(0);
        assertThat(status.get("sender")).isEqualTo(n.s());
        assertThat(((Map<?, ?>) status.get("payload")).get("order")).isEqualTo(po + "~1");

        // To a node taking no part, another node's order is as absent as one nobody placed (no probing: 404, not 403).
        assertThat(api.get("/api/v1/orders/" + po, n.key(n.o())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/orders/" + po + "/chain", n.key(n.o())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/orders?role=buyer", n.key(n.b())).<List<?>>at("items")).hasSize(1);
    }

    @Test
    void aSupplierRejectionCancelsItsComponentOrdersAndTheChainIsNoLongerFeasible() {
        Net n = net("order-sync, inventory-notify, exception-broadcast");
        Instant now = clock.instant();
        String po = "cx-" + run;
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()),
                order(po, n.m(), SIDEBOARD, "2", "H87", now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(10)))).<String>at("state"))
                .isEqualTo("CONFIRMED");
        assertThat(api.get("/api/v1/orders/" + po + "~1", n.key(n.s())).<String>at("state")).isEqualTo("CONFIRMED");
        // M rejects after all: its board order to S is no longer needed and is cancelled; the chain will not deliver.
        Api.Response rejected = api.postJson("/api/v1/orders/" + po + "/override", n.key(n.m()), Map.of("decision", "REJECT", "reason", "tool broke"));
        assertThat(rejected.<String>at("state")).as(rejected.text()).isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/orders/" + po + "~1", n.key(n.s())).<String>at("state")).isEqualTo("CANCELLED");
        Api.Response chain = api.get("/api/v1/orders/" + po + "/chain", n.key(n.b()));
        assertThat(chain.<Boolean>at("feasible")).isFalse();
        assertThat(chain.<List<Map<String, Object>>>at("steps")).extracting(x -> x.get("status")).containsExactly("REJECTED", "CANCELLED");
        // The buyer withdraws the rejected order: the cancelled component stays cancelled, the chain stays infeasible.
        assertThat(api.post("/api/v1/orders/" + po + "/withdraw", n.key(n.b()), "application/json", "").<String>at("state")).isEqualTo("WITHDRAWN");
        assertThat(api.get("/api/v1/orders/" + po + "/chain", n.key(n.b())).<Boolean>at("feasible")).isFalse();
        // A withdrawn order stays withdrawn: a second withdrawal changes nothing, an override to accept is refused naming the state.
        assertThat(api.post("/api/v1/orders/" + po + "/withdraw", n.key(n.b()), "application/json", "").<String>at("state")).isEqualTo("WITHDRAWN");
        Api.Response again = api.postJson("/api/v1/orders/" + po + "/override", n.key(n.m()), Map.of("decision", "ACCEPT", "reason", "fixed"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.<String>at("detail")).contains("is WITHDRAWN");
    }

    @Test
    void sameIdSameContentIsIdempotentOtherContentIsAConflict() {
        Net n = net("order-sync");
        Instant now = clock.instant();
        Map<String, Object> body = order("dup-" + run, n.m(), TABLE, "3", "H87", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(6)));
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), body).status()).isEqualTo(201);
        Api.Response again = api.postJson("/api/v1/orders", n.key(n.b()), body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<Integer>at("revision")).isEqualTo(1);
        Api.Response other = api.postJson("/api/v1/orders", n.key(n.b()),
                order("dup-" + run, n.m(), TABLE, "4", "H87", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(6))));
        assertThat(other.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM purchase_order WHERE id = ?").param("dup-" + run).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rejectionCarriesConstraintsAndTheProposedWindowIsAccepted() {
        Net n = net("order-sync");
        Instant now = clock.instant();
        String po = "big-" + run;
        // 100 tables need 100 h; capacity counts in hours from now to LF = due − 1 day = now + 24 h: 8 h at any hour.
        Api.Response rejected = api.postJson("/api/v1/orders", n.key(n.b()),
                order(po, n.m(), TABLE, "100", "H87", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))));
        assertThat(rejected.status()).isEqualTo(201);
        assertThat(rejected.<String>at("outcome")).isEqualTo("REJECTED");
        assertThat(rejected.<String>at("status")).isEqualTo("REJECTED");
        // The server decides a moment after now, so a hair less than 8 h is left: 7 whole tables.
        assertThat(rejected.<Number>at("decision.constraints.quantityFeasibleByDue." + TABLE).doubleValue()).isEqualTo(7);
        assertThat(rejected.<Number>at("decision.occupancy").doubleValue()).isEqualTo(0);
        // 100 h at 8 h a day take 12.5 days from the decision, then 24 h of transit (the server decided a moment after now).
        Instant expected = now.plus(Duration.ofDays(13)).plus(Duration.ofHours(12));
        assertThat(at(rejected, "decision.constraints.earliestFeasibleDelivery")).isBetween(expected, expected.plusSeconds(30));
        Map<String, Object> proposed = rejected.at("decision.proposedWindow");
        // The proposal keeps the one-day width but starts no earlier than the earliest delivery.
        Instant proposedEarliest = Instant.parse((String) proposed.get("earliest"));
        assertThat(proposedEarliest).isBetween(expected, expected.plusSeconds(30));
        assertThat(Instant.parse((String) proposed.get("due"))).isEqualTo(proposedEarliest.plus(Duration.ofDays(1)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM capacity_reservation WHERE order_id = ?").param(po).query(Long.class).single()).isZero();

        Api.Response resubmitted = api.postJson("/api/v1/orders/" + po + "/resubmit", n.key(n.b()), proposed);
        assertThat(resubmitted.status()).as(resubmitted.text()).isEqualTo(200);
        assertThat(resubmitted.<String>at("status")).isEqualTo("CONFIRMED");
        assertThat(resubmitted.<Integer>at("revision")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT SUM(hours) FROM capacity_reservation WHERE order_id = ?").param(po).query(Double.class).single()).isCloseTo(100.0, within(1e-6));

        Api.Response withdrawn = api.post("/api/v1/orders/" + po + "/withdraw", n.key(n.b()), "application/json", "");
        assertThat(withdrawn.<String>at("status")).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM capacity_reservation WHERE order_id = ?").param(po).query(Long.class).single()).isZero();
    }

    @Test
    void supplierOverridesWithinItsResponseTimeoutAndTheOverrideIsRecorded() {
        Net n = net("order-sync");
        Instant now = clock.instant();
        String po = "ovr-" + run;
        api.postJson("/api/v1/orders", n.key(n.b()), order(po, n.m(), TABLE, "100", "H87", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))));
        assertThat(api.postJson("/api/v1/orders/" + po + "/override", n.key(n.b()), Map.of("decision", "ACCEPT", "reason", "x")).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/orders/" + po + "/override", n.key(n.m()), Map.of("decision", "MAYBE")).errors())
                .containsExactlyInAnyOrder("decision: must be ACCEPT or REJECT", "reason: is required, at most 500 characters");
        Api.Response accepted = api.postJson("/api/v1/orders/" + po + "/override", n.key(n.m()),
                Map.of("decision", "ACCEPT", "reason", "weekend shift booked"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.<String>at("status")).isEqualTo("CONFIRMED");
        assertThat(accepted.<String>at("override.by")).isEqualTo(n.m());
        assertThat(accepted.<String>at("override.reason")).isEqualTo("weekend shift booked");
        assertThat(accepted.<String>at("decision.overriddenOutcome")).isEqualTo("REJECTED");
        // The placement (with its outcome then) and the override are two ledger entries; both still match their rows.
        assertThat(accepted.<Number>at("overrideLedger.index").longValue()).isGreaterThan(accepted.<Number>at("ledger.index").longValue());
        assertThat(ledgerFindings()).isEmpty();
        assertThat(jdbc.sql("SELECT SUM(hours) FROM capacity_reservation WHERE order_id = ?").param(po).query(Double.class).single()).isCloseTo(100.0, within(1e-6));
        awaitEvents(n.b(), n.key(n.b()), "ORDER_RESPONSE", 2);

        // The manufacturer's timeout is 4 h × (2 + 1) = 12 h after the decision.
        String late = "late-" + run;
        api.postJson("/api/v1/orders", n.key(n.b()), order(late, n.m(), TABLE, "2", "H87", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(5))));
        clock.advance(Duration.ofHours(12).plusMinutes(1));
        Api.Response closed = api.postJson("/api/v1/orders/" + late + "/override", n.key(n.m()), Map.of("decision", "REJECT", "reason", "too late"));
        assertThat(closed.status()).isEqualTo(409);
    }

    @Test
    void collaborativeOrderStatusIsPushedToTheBuyerOverSse() throws Exception {
        Net n = net("order-sync");
        String next = api.get("/api/v1/nodes/" + n.b() + "/events", n.key(n.b())).at("next");
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/nodes/" + n.b() + "/events/stream?after=" + next))
                .header("Authorization", "Bearer " + n.key(n.b())).GET().build();
        HttpResponse<InputStream> stream = api.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        Instant now = clock.instant();
        String po = "hot-" + run;
        // 6 tables: R = 6 h + 24 h = 30 h, due in 48 h: U = 0.625 ≥ 0.6; the 24 h to LF hold 8 h of capacity.
        Api.Response placed = api.postJson("/api/v1/orders", n.key(n.b()),
                order(po, n.m(), TABLE, "6", "H87", now.plus(Duration.ofHours(38)), now.plus(Duration.ofHours(48))));
        assertThat(placed.<String>at("outcome")).as(placed.text()).isEqualTo("ACCEPTED_COLLABORATIVE");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            seen = line != null && line.startsWith("data:") && line.contains("\"type\":\"ORDER_RESPONSE\"") && line.contains(po);
        }
        stream.body().close();
        assertThat(seen).as("ORDER_RESPONSE pushed on the stream").isTrue();
    }

    @Test
    void lateReceiptBeyondToleranceReconstructsAndWarnsWhenTheDueDateIsAtRisk() {
        Net n = net("order-sync");
        Instant now = clock.instant();
        String first = "rc1-" + run;
        String second = "rc2-" + run;
        api.postJson("/api/v1/orders", n.key(n.b()), order(first, n.m(), SIDEBOARD, "12", "H87", now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(10))));
        api.postJson("/api/v1/orders", n.key(n.b()), order(second, n.m(), SIDEBOARD, "12", "H87", now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(10))));
        Map<String, Object> boards1 = step(n, first, 1);
        Map<String, Object> boards2 = step(n, second, 1);
        Instant ef1 = Instant.parse((String) boards1.get("ef"));
        Instant ef2 = Instant.parse((String) boards2.get("ef"));
        Duration managerSlack = Duration.parse((String) step(n, first, 0).get("slack"));
        // Boards: 2.4 h from now, 12 h transit, 24 h assembly: EF_M = now + 38.4 h; LF_M = now + 9 d: slack 177.6 h.
        assertThat(managerSlack).isBetween(Duration.ofMinutes(177 * 60 + 35), Duration.ofMinutes(177 * 60 + 36));

        clock.advance(Duration.between(clock.instant(), ef2.plus(Duration.ofDays(8)).plus(Duration.ofHours(1))));
        Api.Response receipt = api.postJson("/api/v1/orders/" + first + "~1/receipts", n.key(n.s()),
                Map.of("actualFinish", ef1.plus(Duration.ofDays(4)).toString(), "quantity", 24));
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);
        assertThat(receipt.<String>at("deviation")).isEqualTo("PT96H");
        // Tolerance = half the manufacturer's slack (stored to the second).
        assertThat(Duration.parse(receipt.at("tolerance"))).isBetween(managerSlack.dividedBy(2).minusSeconds(1), managerSlack.dividedBy(2));
        assertThat(receipt.<Boolean>at("reconstructed")).isTrue();
        assertThat(Duration.parse((String) step(n, first, 0).get("slack"))).isEqualTo(managerSlack.minus(Duration.ofDays(4)));
        assertThat(awaitEvents(n.m(), n.key(n.m()), "SEQUENCE_RECONSTRUCTED", 1)).hasSize(1);
        assertThat(awaitEvents(n.b(), n.key(n.b()), "SEQUENCE_RECONSTRUCTED", 1)).hasSize(1);
        assertThat(ofType(feed(n.b(), n.key(n.b())), "DUE_DATE_AT_RISK")).isEmpty();
        assertThat(api.get("/api/v1/orders/" + first + "~1", n.key(n.s())).<String>at("status")).isEqualTo("DELIVERED");
        // The same receipt again changes nothing; another finish is a conflict.
        assertThat(api.postJson("/api/v1/orders/" + first + "~1/receipts", n.key(n.s()),
                Map.of("actualFinish", ef1.plus(Duration.ofDays(4)).toString())).status()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/orders/" + first + "~1/receipts", n.key(n.s()),
                Map.of("actualFinish", ef1.plus(Duration.ofDays(3)).toString())).status()).isEqualTo(409);

        // Eight days late: more than the whole slack, the end buyer's due date is at risk.
        api.postJson("/api/v1/orders/" + second + "~1/receipts", n.key(n.s()), Map.of("actualFinish", ef2.plus(Duration.ofDays(8)).toString()));
        Map<String, Object> risk = awaitEvents(n.b(), n.key(n.b()), "DUE_DATE_AT_RISK", 1).get(0);
        assertThat(((Map<?, ?>) risk.get("payload")).get("root")).isEqualTo(second);
        assertThat(awaitEvents(n.m(), n.key(n.m()), "DUE_DATE_AT_RISK", 1)).hasSize(1);
        // Only the supplier confirms.
        assertThat(api.postJson("/api/v1/orders/" + second + "/receipts", n.key(n.b()), Map.of("actualFinish", now.toString())).status()).isEqualTo(403);
    }

    private Map<String, Object> step(Net n, String root, int index) {
        List<Map<String, Object>> steps = api.get("/api/v1/orders/" + root + "/chain", n.key(n.b())).at("steps");
        return steps.get(index);
    }

    @Test
    void badOrdersAreRejectedWithPathsAndNothingIsStored() {
        Net n = net("order-sync");
        Instant now = clock.instant();
        Instant e = now.plus(Duration.ofDays(3));
        Instant d = now.plus(Duration.ofDays(6));
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), order("z-" + run, n.m(), TABLE, "0", "H87", e, d)).errors())
                .containsExactly("lines[0].quantity: must be greater than 0");
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), order("z-" + run, n.m(), TABLE, "-3", "H87", e, d)).errors())
                .containsExactly("lines[0].quantity: must be greater than 0");
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), order("z-" + run, n.m(), TABLE, "3", "H87", d, e)).errors())
                .containsExactly("due: must not be before earliest");
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), order("z-" + run, n.m(), "4006381333931", "3", "H87", e, d)).errors())
                .containsExactly("lines[0].material: supplier " + n.m() + " does not supply 4006381333931");
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), order("z-" + run, n.m(), TABLE, "3", "KGM", e, d)).errors())
                .containsExactly("lines[0].unit: cannot convert KGM (mass) to H87 (count) (the supplier counts " + TABLE + " in H87)");
        assertThat(api.post("/api/v1/orders", n.key(n.b()), "application/json", "{\"id\": \"z\", \"lines\": [").status()).isEqualTo(400);
        Api.Response huge = api.post("/api/v1/orders", n.key(n.b()), "application/json", "{\"pad\": \"" + "x".repeat(2_000_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(api.postJson("/api/v1/orders", n.key(n.o()), order("z-" + run, n.m(), SIDEBOARD, "3", "H87", e, d)).errors())
                .containsExactly("supplier: '" + n.m() + "' is not an accepted supplier of " + n.o());
        assertThat(api.get("/api/v1/orders/z-" + run, OPERATOR).status()).isEqualTo(404);
        // Placing as another node is forbidden.
        Map<String, Object> asOther = new java.util.HashMap<>(order("z-" + run, n.m(), TABLE, "3", "H87", e, d));
        asOther.put("buyer", n.o());
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), asOther).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/orders/z-" + run, OPERATOR).status()).isEqualTo(404);
    }

    @Test
    void orderIdsArePerBuyerSoAnotherBuyersIdCanBeNeitherProbedNorBlocked() {
        Net n = net("order-sync");
        Instant e = clock.instant().plus(Duration.ofDays(5));
        Instant d = clock.instant().plus(Duration.ofDays(10));
        String po = "same-" + run;
        Api.Response byB = api.postJson("/api/v1/orders", n.key(n.b()), order(po, n.m(), TABLE, "3", "H87", e, d));
        assertThat(byB.status()).as(byB.text()).isEqualTo(201);
        // M (B's supplier) buys boards from S under the very same id: its own order, not a conflict.
        Api.Response byM = api.postJson("/api/v1/orders", n.key(n.m()), order(po, n.s(), CHIPBOARD, "20", "H87", e, d));
        assertThat(byM.status()).as(byM.text()).isEqualTo(201);
        assertThat(byM.<String>at("id")).isEqualTo(po);
        assertThat(byM.<String>at("buyer")).isEqualTo(n.m());
        assertThat(byM.<Number>at("lines.0.supplierQuantity").doubleValue()).isEqualTo(20);
        // Each buyer reads its own order by the id it chose; replays answer with it.
        assertThat(api.get("/api/v1/orders/" + po, n.key(n.b())).<String>at("supplier")).isEqualTo(n.m());
        assertThat(api.get("/api/v1/orders/" + po, n.key(n.m())).<String>at("supplier")).isEqualTo(n.s());
        Api.Response replay = api.postJson("/api/v1/orders", n.key(n.m()), order(po, n.s(), CHIPBOARD, "20", "H87", e, d));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.<String>at("supplier")).isEqualTo(n.s());
        assertThat(api.postJson("/api/v1/orders", n.key(n.m()), order(po, n.s(), CHIPBOARD, "21", "H87", e, d)).status()).isEqualTo(409);
        // M still reaches the order it supplies as B@id; S sees M's order under its stored key M@id.
        assertThat(api.get("/api/v1/orders/" + n.b() + "@" + po, n.key(n.m())).<String>at("buyer")).isEqualTo(n.b());
        assertThat(api.get("/api/v1/orders/" + n.m() + "@" + po, n.key(n.s())).<String>at("buyer")).isEqualTo(n.m());
        assertThat(api.get("/api/v1/orders/" + po, n.key(n.s())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/orders/" + n.b() + "@" + po, n.key(n.o())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/orders/" + n.m() + "@" + po, n.key(n.o())).status()).isEqualTo(404);
        // The outsider may use the id as well: its attempt fails only on its own merits (no accepted supplier), not as taken.
        assertThat(api.postJson("/api/v1/orders", n.key(n.o()), order(po, n.m(), SIDEBOARD, "3", "H87", e, d)).errors())
                .containsExactly("supplier: '" + n.m() + "' is not an accepted supplier of " + n.o());
        // B withdraws its order; M's stays open.
        assertThat(api.post("/api/v1/orders/" + po + "/withdraw", n.key(n.b()), "application/json", "").<String>at("status")).isEqualTo("WITHDRAWN");
        assertThat(api.get("/api/v1/orders/" + po, n.key(n.m())).<String>at("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void quantitiesMustBeFiniteAndWithinTheStatedRange() {
        Net n = net("order-sync");
        Instant e = clock.instant().plus(Duration.ofDays(5));
        Instant d = clock.instant().plus(Duration.ofDays(10));
        String range = "lines[0].quantity: must be a finite number from 0.000001 to 1000000000";
        for (Object q : List.of(1e308, "99999999999999999999999999999999", 1e-320, "1e-320", "NaN", "Infinity", "-Infinity", "1000000001")) {
            String id = "q-" + run;
            Map<String, Object> body = new java.util.HashMap<>(order(id, n.m(), TABLE, "1", "H87", e, d));
            body.put("lines", List.of(Map.of("material", TABLE, "quantity", q, "unit", "H87")));
            Api.Response r = api.postJson("/api/v1/orders", n.key(n.b()), body);
            assertThat(r.status()).as("%s: %s", q, r.text()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.errors()).as("%s", q).singleElement().asString().startsWith(range);
            assertThat(api.get("/api/v1/orders/" + id, n.key(n.b())).status()).isEqualTo(404);
        }
        Map<String, Object> batch = new java.util.HashMap<>(order("qb-" + run, n.m(), TABLE, "1", "H87", e, d));
        batch.put("batch", Map.of("minimum", -1, "multiple", 1e300));
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), batch).errors()).containsExactlyInAnyOrder(
                "batch.minimum: must be a finite number from 0 to 1000000000",
                "batch.multiple: must be a finite number from 0.000001 to 1000000000");
        Map<String, Object> farOff = new java.util.HashMap<>(order("qd-" + run, n.m(), TABLE, "1", "H87", e, d));
        farOff.put("due", "+100000-01-01T00:00:00Z");
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()), farOff).errors())
                .containsExactly("due: must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        // The largest quantity is decided, not a 500: rejected for capacity.
        Api.Response largest = api.postJson("/api/v1/orders", n.key(n.b()), order("qmax-" + run, n.m(), TABLE, "1000000000", "H87", e, d));
        assertThat(largest.status()).as(largest.text()).isEqualTo(201);
        assertThat(largest.<String>at("status")).isEqualTo("REJECTED");
    }

    @Test
    void statusOfASupplierWithoutOrderSyncIsPublishedByItsBuyerAsProxy() {
        Net n = net("inventory-notify");
        Instant now = clock.instant();
        String po = "px-" + run;
        assertThat(api.postJson("/api/v1/orders", n.key(n.b()),
                order(po, n.m(), SIDEBOARD, "12", "H87", now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(10)))).status()).isEqualTo(201);
        Map<String, Object> status = awaitEvents(n.b(), n.key(n.b()), "ORDER_STATUS", 1).get(0);
        assertThat(status).containsEntry("proxy", true).containsEntry("proxyBy", n.m()).containsEntry("about", n.s());
    }

    @Test
    void capacityDeclarationsAreValidatedAndPrivate() {
        Net n = net("order-sync");
        Api.Response bad = api.put("/api/v1/nodes/" + n.s() + "/capacity", n.key(n.s()), "application/json",
                "{\"wip-max\": 0, \"resources\": [{\"id\": \"press\", \"hours-per-day\": 30}], \"materials\": [{\"material\": \"" + TABLE + "\", \"resource\": \"lathe\", \"rate-per-hour\": 1}]}");
        assertThat(bad.errors()).containsExactlyInAnyOrder(
                "wip-max: must be a whole number from 1 to 100000",
                "resources[0].hours-per-day: must be at most 24",
                "materials[0].material: is not in the node's bom-mapping",
                "materials[0].resource: unknown resource 'lathe'");
        assertThat(api.get("/api/v1/nodes/" + n.s() + "/capacity", n.key(n.s())).<Integer>at("wip-max")).isEqualTo(10);
        assertThat(api.get("/api/v1/nodes/" + n.s() + "/capacity", n.key(n.m())).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/nodes/" + n.s() + "/capacity", n.key(n.m()), "application/json", "{}").status()).isEqualTo(403);
    }
}
