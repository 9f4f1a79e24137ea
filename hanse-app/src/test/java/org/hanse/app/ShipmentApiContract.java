package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Shipments over real HTTP: a buyer orders 40 boards, the supplier ships them in two units, milestones follow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
abstract class ShipmentApiContract extends ApiTestSupport {

    static final String BOARD = TradeNet.BOARD;

    String node(String id) {
        return TradeNet.node(this, id);
    }

    TradeNet net() {
        TradeNet n = TradeNet.of(this, "s");
        // The supplier ships from stock (RULES 3.5.1): 1000 boards on hand.
        stock(n.supplier(), n.key(n.supplier()), "RECEIPT", "1000");
        return n;
    }

    void stock(String node, String key, String kind, String quantity) {
        Api.Response r = api.postJson("/api/v1/nodes/" + node + "/stock/movements", key,
                Map.of("material", BOARD, "kind", kind, "quantity", quantity, "occurredAt", Instant.now().minusSeconds(60).toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    Map<String, Object> unit(String quantity) {
        return Map.of("material", BOARD, "quantity", quantity, "unitPrice", "12.50", "currency", "EUR");
    }

    Api.Response milestone(TradeNet n, String shipment, String node, Map<String, Object> body) {
        return api.postJson("/api/v1/shipments/" + shipment + "/milestones", n.key(node), body);
    }

    @Test
    void milestonesFollowTheirOrderAndDeliveryFeedsTheBuyersStock() {
        TradeNet n = net();
        String shipment = "sh-" + run;
        Map<String, Object> body = Map.of("id", shipment, "order", n.order(), "lines", List.of(unit("25"), unit("15")));
        Api.Response created = api.postJson("/api/v1/shipments", n.key(n.supplier()), body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.<List<?>>at("units")).hasSize(2);
        assertThat(api.postJson("/api/v1/shipments", n.key(n.supplier()), body).status()).as("same id, same content").isEqualTo(200);

        // Order: SHIPPED first; the buyer cannot ship, the supplier cannot deliver.
        assertThat(milestone(n, shipment, n.buyer(), Map.of("milestone", "DELIVERED")).status()).isEqualTo(409);
        assertThat(milestone(n, shipment, n.buyer(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(403);
        assertThat(milestone(n, shipment, n.supplier(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.supplier(), Map.of("milestone", "SHIPPED")).status()).as("repeat changes nothing").isEqualTo(200);
        assertThat(milestone(n, shipment, n.supplier(), Map.of("milestone", "IN_TRANSIT", "checkpoint", "Hub Bielefeld")).status()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.supplier(), Map.of("milestone", "IN_TRANSIT", "checkpoint", "Hub Hannover")).status()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.buyer(), Map.of("milestone", "ACCEPTED", "accepted", "40", "rejected", "0")).status())
                .as("acceptance before delivery").isEqualTo(409);
        assertThat(milestone(n, shipment, n.supplier(), Map.of("milestone", "DELIVERED")).status()).isEqualTo(403);
        assertThat(milestone(n, shipment, n.buyer(), Map.of("milestone", "DELIVERED")).status()).isEqualTo(201);
        assertThat(milestone(n, shipment, n.supplier(), Map.of("milestone", "SHIPPED")).status()).as("an old milestone again").isEqualTo(200);

        // The delivery is a receipt of the order in the buyer's stock (40 boards, one observed lead time).
        Api.Response buffer = api.get("/api/v1/nodes/" + n.buyer() + "/buffers/" + BOARD, n.key(n.buyer()));
        assertThat(buffer.<Number>at("onHand").doubleValue()).isEqualTo(40);
        assertThat(buffer.<Number>at("leadTime.deliveries").intValue()).isEqualTo(1);

        // Acceptance after inspection: 3 rejected leave the stock again.
        assertThat(milestone(n, shipment, n.buyer(), Map.of("milestone", "ACCEPTED", "accepted", "30", "rejected", "5")).errors())
                .containsExactly("accepted: accepted and rejected must be numbers ≥ 0 adding up to the 40 delivered");
        Api.Response accepted = milestone(n, shipment, n.buyer(), Map.of("milestone", "ACCEPTED", "accepted", "37", "rejected", "3"));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.<List<Map<String, Object>>>at("milestones")).extracting(m -> m.get("milestone"))
                .containsExactly("SHIPPED", "IN_TRANSIT", "IN_TRANSIT", "DELIVERED", "ACCEPTED");
        assertThat(api.get("/api/v1/nodes/" + n.buyer() + "/buffers/" + BOARD, n.key(n.buyer())).<Number>at("onHand").doubleValue()).isEqualTo(37);
        assertThat(awaitEvents(n.supplier(), n.key(n.supplier()), "SHIPMENT_MILESTONE", 2)).hasSize(2);
        assertThat(awaitEvents(n.buyer(), n.key(n.buyer()), "SHIPMENT_MILESTONE", 3)).hasSize(3);
        // To an outsider the shipment is as absent as one never made (404, not 403).
        assertThat(api.get("/api/v1/shipments/" + shipment, n.key(n.outsider())).status()).isEqualTo(404);
        assertThat(milestone(n, shipment, n.outsider(), Map.of("milestone", "DELIVERED")).status()).isEqualTo(404);
        // The shipment and each milestone (ACCEPTED with the inspection result) are ledger entries, intact.
        Api.Response read = api.get("/api/v1/shipments/" + shipment, n.key(n.buyer()));
        assertThat(read.<String>at("ledger.proof")).startsWith("/api/v1/ledger/proofs/inclusion?index=" + read.<Number>at("ledger.index"));
        assertThat(read.<List<Map<String, Object>>>at("milestones")).allSatisfy(m -> assertThat(m).containsKey("ledger"));
        assertThat(ledgerFindings()).isEmpty();
    }

    String state(TradeNet n) {
        return api.get("/api/v1/orders/" + n.order(), n.key(n.buyer())).at("state");
    }

    double onHand(String node, String key) {
        return api.get("/api/v1/nodes/" + node + "/buffers/" + BOARD, key).<Number>at("onHand").doubleValue();
    }

    Api.Response ship(TradeNet n, String id, Map<String, Object> unit) {
        return api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", id, "order", n.order(), "lines", List.of(unit)));
    }

    @Test
    void anOrderRunsFromConfirmedThroughShippingAndDeliveryToClosedOnceItsAcceptedGoodsArePaid() {
        TradeNet n = net();
        assertThat(state(n)).isEqualTo("CONFIRMED");
        String first = "lc1-" + run;
        String second = "lc2-" + run;
        assertThat(ship(n, first, unit("25")).status()).isEqualTo(201);
        assertThat(state(n)).as("a unit packed moves nothing").isEqualTo("CONFIRMED");
        assertThat(milestone(n, first, n.supplier(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
        // 25 of 40 left the supplier: partly shipped, and its ledger went 1000 → 975 with a movement referencing the order.
        assertThat(state(n)).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(onHand(n.supplier(), n.key(n.supplier()))).isEqualTo(975);
        assertThat(jdbc.sql("SELECT kind, quantity FROM stock_movement WHERE node_id = ? AND order_id = ?").params(n.supplier(), n.order())
                .query((rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()).list())
                .containsExactly("TRANSFER_OUT -25");
        assertThat(ship(n, second, unit("15")).status()).isEqualTo(201);
        assertThat(milestone(n, second, n.supplier(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
        assertThat(state(n)).isEqualTo("SHIPPED");
        assertThat(onHand(n.supplier(), n.key(n.supplier()))).isEqualTo(960);
        assertThat(milestone(n, first, n.buyer(), Map.of("milestone", "DELIVERED")).status()).isEqualTo(201);
        assertThat(state(n)).as("15 still on the way").isEqualTo("SHIPPED");
        assertThat(milestone(n, second, n.buyer(), Map.of("milestone", "DELIVERED")).status()).isEqualTo(201);
        assertThat(state(n)).isEqualTo("DELIVERED");
        assertThat(milestone(n, first, n.buyer(), Map.of("milestone", "ACCEPTED", "accepted", "25", "rejected", "0")).status()).isEqualTo(201);
        assertThat(milestone(n, second, n.buyer(), Map.of("milestone", "ACCEPTED", "accepted", "15", "rejected", "0")).status()).isEqualTo(201);
        assertThat(state(n)).isEqualTo("DELIVERED");
        // Default terms 30/30/40 of 312.50 and 187.50: the SHIPPED instalments (93.75 + 56.25) leave 350.00 open.
        Instant now = Instant.now();
        assertThat(pay(n, "lp1-" + run, "150.00", "EUR", now, List.of(alloc(first, 1, "SHIPPED"), alloc(second, 1, "SHIPPED"))).status())
                .isEqualTo(201);
        assertThat(state(n)).as("paid in part").isEqualTo("DELIVERED");
        assertThat(pay(n, "lp2-" + run, "350.00", "EUR", now, List.of(alloc(first, 1, "DELIVERED"), alloc(first, 1, "ACCEPTED"),
                alloc(second, 1, "DELIVERED"), alloc(second, 1, "ACCEPTED"))).status()).isEqualTo(201);
        assertThat(state(n)).isEqualTo("CLOSED");
        assertThat(api.get("/api/v1/orders/" + n.order(), n.key(n.supplier())).<String>at("status")).isEqualTo("CLOSED");
        // The buyer cannot undo a closed order.
        Api.Response withdraw = api.post("/api/v1/orders/" + n.order() + "/withdraw", n.key(n.buyer()), "application/json", "");
        assertThat(withdraw.status()).isEqualTo(409);
        assertThat(withdraw.<String>at("detail")).contains("is CLOSED");
    }

    @Test
    void theSupplierCannotRejectOnceGoodsHaveLeftAndTheBuyerCannotWithdraw() {
        TradeNet n = net();
        String unit = "rj-" + run;
        assertThat(ship(n, unit, unit("10")).status()).isEqualTo(201);
        assertThat(milestone(n, unit, n.supplier(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
        Api.Response reject = api.postJson("/api/v1/orders/" + n.order() + "/override", n.key(n.supplier()),
                Map.of("decision", "REJECT", "reason", "changed our mind"));
        assertThat(reject.status()).as(reject.text()).isEqualTo(409);
        assertThat(reject.<String>at("detail")).contains("is PARTIALLY_SHIPPED");
        Api.Response withdraw = api.post("/api/v1/orders/" + n.order() + "/withdraw", n.key(n.buyer()), "application/json", "");
        assertThat(withdraw.status()).isEqualTo(409);
        assertThat(withdraw.<String>at("detail")).contains("is PARTIALLY_SHIPPED");
        Api.Response order = api.get("/api/v1/orders/" + n.order(), n.key(n.buyer()));
        assertThat(order.<String>at("state")).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(order.<String>at("outcome")).startsWith("ACCEPTED");
    }

    @Test
    void aRejectedOrderShipsNothing() {
        TradeNet n = net();
        String unit = "rn-" + run;
        assertThat(ship(n, unit, unit("10")).status()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/orders/" + n.order() + "/override", n.key(n.supplier()),
                Map.of("decision", "REJECT", "reason", "machine down")).<String>at("state")).isEqualTo("REJECTED");
        Api.Response leave = milestone(n, unit, n.supplier(), Map.of("milestone", "SHIPPED"));
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.<String>at("detail")).contains("is REJECTED");
        assertThat(onHand(n.supplier(), n.key(n.supplier()))).isEqualTo(1000);
        assertThat(ship(n, "rn2-" + run, unit("5")).status()).isEqualTo(409);
    }

    @Test
    void shippingBeyondTheSuppliersStockIsRefusedAndChangesNothing() {
        TradeNet n = net();
        // A second order of 2000 boards against the supplier's 1000 on hand.
        String big = order(n.buyer(), n.key(n.buyer()), n.supplier(), "big-" + run, "2000", 6);
        String unit = "bs-" + run;
        assertThat(api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", unit, "order", big, "lines", List.of(unit("1500"))))
                .status()).as("packing is not leaving").isEqualTo(201);
        Api.Response leave = milestone(n, unit, n.supplier(), Map.of("milestone", "SHIPPED"));
        assertThat(leave.status()).as(leave.text()).isEqualTo(409);
        assertThat(leave.<String>at("detail")).contains("shipping 1500 of " + BOARD).contains("free stock of 1000");
        assertThat(api.get("/api/v1/shipments/" + unit, n.key(n.supplier())).<List<?>>at("milestones")).isEmpty();
        assertThat(onHand(n.supplier(), n.key(n.supplier()))).isEqualTo(1000);
        assertThat(api.get("/api/v1/orders/" + big, n.key(n.buyer())).<String>at("state")).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE order_id = ?").param(big).query(Long.class).single()).isZero();
        // 500 do leave: 1000 − 500.
        String small = "bs2-" + run;
        assertThat(api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", small, "order", big, "lines", List.of(unit("500"))))
                .status()).isEqualTo(201);
        assertThat(milestone(n, small, n.supplier(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
        assertThat(onHand(n.supplier(), n.key(n.supplier()))).isEqualTo(500);
        assertThat(api.get("/api/v1/orders/" + big, n.key(n.buyer())).<String>at("state")).isEqualTo("PARTIALLY_SHIPPED");
    }

    @Test
    void aDropShipmentLeavesFromTheSuppliersOwnSupplierWithoutMovingItsStock() {
        TradeNet n = net();
        Map<String, Object> drop = Map.of("material", BOARD, "quantity", "40", "unitPrice", "12.50", "currency", "EUR", "dropShip", true);
        // Without an order of boards with a supplier of its own there is nobody to drop-ship from.
        assertThat(ship(n, "ds0-" + run, drop).errors())
                .containsExactly("lines[0].dropShip: needs an order of " + BOARD + " with one of " + n.supplier() + "'s suppliers");
        // The outsider becomes the supplier's supplier, and the supplier orders the boards from it.
        api.put("/api/v1/nodes/" + n.outsider() + "/capacity", n.key(n.outsider()), "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD));
        Api.Response link = api.postJson("/api/v1/links", n.key(n.supplier()), Map.of("buyer", n.supplier(), "supplier", n.outsider(),
                "materials", List.of(BOARD)));
        api.post("/api/v1/links/" + link.at("id") + "/accept", n.key(n.outsider()), "application/json", "");
        Instant now = Instant.now();
        assertThat(api.postJson("/api/v1/orders", n.key(n.supplier()), Map.of("id", "up-" + run, "supplier", n.outsider(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "40", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(1)).toString(), "due", now.plus(Duration.ofDays(5)).toString())).<String>at("state"))
                .isEqualTo("CONFIRMED");
        String unit = "ds-" + run;
        Api.Response created = ship(n, unit, drop);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.<Boolean>at("units.0.dropShip")).isTrue();
        assertThat(milestone(n, unit, n.supplier(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
        assertThat(state(n)).isEqualTo("SHIPPED");
        assertThat(onHand(n.supplier(), n.key(n.supplier()))).as("its own stock did not move").isEqualTo(1000);
    }

    @Test
    void badShipmentsAreRejectedAndNothingIsStored() {
        TradeNet n = net();
        Api.Response bad = api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", "x-" + run, "order", n.order(),
                "lines", List.of(Map.of("material", "4006381333931", "quantity", "0", "unitPrice", "-1", "currency", "EURO"))));
        assertThat(bad.errors()).containsExactlyInAnyOrder(
                "lines[0].material: is not on order " + n.order(),
                "lines[0].quantity: must be a number greater than 0",
                "lines[0].unitPrice: must be a number ≥ 0",
                "lines[0].currency: must be an ISO 4217 code such as EUR");
        Api.Response tooMuch = api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", "y-" + run, "order", n.order(),
                "lines", List.of(unit("30"), unit("11"))));
        assertThat(tooMuch.errors()).containsExactly("lines: shipping 41.0 of " + BOARD + " would exceed the 40.0 ordered (0.0 already shipped)");
        // Someone else's order is, to the outsider, no order at all: nothing tells it the order exists.
        assertThat(api.postJson("/api/v1/shipments", n.key(n.outsider()), Map.of("id", "z-" + run, "order", n.order(),
                "lines", List.of(unit("1")))).errors()).containsExactly("order: must be an existing order");
        for (String absurd : List.of("NaN", "Infinity", "1e308", "99999999999999999999999999999999", "1e-320")) {
            Api.Response r = api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", "w-" + run, "order", n.order(),
                    "lines", List.of(Map.of("material", BOARD, "quantity", absurd, "unitPrice", absurd, "currency", "EUR"))));
            assertThat(r.status()).as("%s: %s", absurd, r.text()).isEqualTo(400);
            assertThat(r.errors()).as(absurd).extracting(e -> e.substring(0, e.indexOf(':')))
                    .containsExactlyInAnyOrder("lines[0].quantity", "lines[0].unitPrice");
        }
        assertThat(api.get("/api/v1/shipments/w-" + run, OPERATOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/shipments/x-" + run, OPERATOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/shipments/y-" + run, OPERATOR).status()).isEqualTo(404);
    }

    Map<String, Object> alloc(String shipment, int line, String trigger) {
        return Map.of("shipment", shipment, "line", line, "trigger", trigger);
    }

    Api.Response pay(TradeNet n, String id, String amount, String currency, Instant paidAt, List<Map<String, Object>> allocations) {
        return api.postJson("/api/v1/payments", n.key(n.buyer()), Map.of("id", id, "payee", n.supplier(), "amount", amount,
                "currency", currency, "paidAt", paidAt.toString(), "allocations", allocations));
    }

    /** Ships the whole order in two units (25 and 15 boards at EUR 12.50: 312.50 and 187.50), milestones days ago. */
    String shipAndDeliver(TradeNet n, Instant now) {
        String shipment = "pay-" + run;
        assertThat(api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", shipment, "order", n.order(),
                "lines", List.of(unit("25"), unit("15")))).status()).isEqualTo(201);
        milestone(n, shipment, n.supplier(), Map.of("milestone", "SHIPPED", "at", now.minus(Duration.ofDays(10)).toString()));
        milestone(n, shipment, n.buyer(), Map.of("milestone", "DELIVERED", "at", now.minus(Duration.ofDays(8)).toString()));
        milestone(n, shipment, n.buyer(), Map.of("milestone", "ACCEPTED", "accepted", "40", "rejected", "0", "at", now.minus(Duration.ofDays(7)).toString()));
        return shipment;
    }

    @Test
    void milestonePaymentsSettleTheOrderWithNoUnmatchedMoneyAndLatenessLowersTheCreditRecord() {
        TradeNet n = net();
        Instant now = Instant.now();
        String shipment = shipAndDeliver(n, now);
        // Default terms 30/30/40: unit 1 owes 93.75 / 93.75 / 125.00, unit 2 56.25 / 56.25 / 75.00.
        Api.Response first = pay(n, "p1-" + run, "150.00", "EUR", now.minus(Duration.ofDays(9)),
                List.of(alloc(shipment, 1, "SHIPPED"), alloc(shipment, 2, "SHIPPED")));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.<List<Map<String, Object>>>at("matches")).extracting(m -> m.get("amount")).containsExactly("93.75", "56.25");
        assertThat(first.<Number>at("matchesLedger.index").longValue()).isEqualTo(first.<Number>at("ledger.index").longValue() + 1);
        assertThat(pay(n, "p1-" + run, "150.00", "EUR", now.minus(Duration.ofDays(9)),
                List.of(alloc(shipment, 1, "SHIPPED"), alloc(shipment, 2, "SHIPPED"))).status()).as("the same request again").isEqualTo(200);
        Api.Response second = pay(n, "p2-" + run, "350.00", "EUR", now, List.of(alloc(shipment, 1, "DELIVERED"), alloc(shipment, 1, "ACCEPTED"),
                alloc(shipment, 2, "DELIVERED"), alloc(shipment, 2, "ACCEPTED")));
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE id = ?").param("p1-" + run).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT SUM(m.amount) FROM payment_match m JOIN payment p ON p.id = m.payment_id WHERE p.payer_id = ?")
                .param(n.buyer()).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("500.00");

        Api.Response sync = api.get("/api/v1/payments/sync?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.supplier()));
        // 150 paid a day before arrival, 350 paid 8 days after: (−150 + 2800) / 500 = 5.3 days.
        assertThat(sync.<Number>at("deviationDays").doubleValue()).isEqualTo(5.3);
        // On time: the two SHIPPED instalments (paid 1 day after due); late: the four others. c = 2 / 6.
        assertThat(sync.<Number>at("creditRecord").doubleValue()).isEqualTo(0.3333);
        assertThat(sync.<Number>at("unmatched").intValue()).isZero();
        // Delays against due dates: SHIPPED instalments 1 day (2 of them), DELIVERED 8 days (2), ACCEPTED 7 days (2): mean 16/3 = 5.3333.
        assertThat(sync.<Number>at("meanDelayDays").doubleValue()).isEqualTo(5.3333);
        Api.Response series = api.get("/api/v1/nodes/" + n.buyer() + "/payments/sync?weeks=4", n.key(n.buyer()));
        List<Map<String, Object>> weeks = series.at("series");
        assertThat(weeks.stream().mapToInt(w -> ((Number) w.get("matches")).intValue()).sum()).isEqualTo(6);
        assertThat(api.get("/api/v1/nodes/" + n.buyer() + "/payments/sync", n.key(n.outsider())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/payments/sync?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.outsider())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/payments/p2-" + run, n.key(n.outsider())).status()).isEqualTo(404);
        assertThat(awaitEvents(n.supplier(), n.key(n.supplier()), "PAYMENT_MATCHED", 2)).hasSize(2);
    }

    @Test
    void overPaymentUnknownUnitsAndCurrencyMismatchAreRefusedWhole() {
        TradeNet n = net();
        Instant now = Instant.now();
        String shipment = shipAndDeliver(n, now);
        assertThat(pay(n, "x1-" + run, "100.00", "EUR", now, List.of(alloc(shipment, 1, "SHIPPED"))).errors())
                .containsExactly("amount: over-payment: 6.25 EUR is more than the named instalments still owe");
        assertThat(pay(n, "x2-" + run, "10.00", "EUR", now, List.of(alloc("nope", 1, "SHIPPED"))).errors())
                .containsExactly("allocations[0]: no logistics unit nope line 1");
        assertThat(pay(n, "x3-" + run, "10.00", "USD", now, List.of(alloc(shipment, 1, "SHIPPED"))).errors())
                .containsExactly("currency: the payment is in USD, unit " + shipment + "/1 in EUR");
        assertThat(pay(n, "x4-" + run, "10.00", "EUR", now, List.of(alloc(shipment, 1, "NET_30"))).errors())
                .containsExactly("allocations[0].trigger: must be one of [SHIPPED, DELIVERED, ACCEPTED]");
        assertThat(pay(n, "x5-" + run, "10.001", "EUR", now, List.of(alloc(shipment, 1, "SHIPPED"))).errors())
                .containsExactly("amount: has more decimals than EUR allows");
        for (String absurd : List.of("NaN", "Infinity", "1e308", "99999999999999999999999999999999", "1e-320", "1000000000001")) {
            assertThat(pay(n, "x6-" + run, absurd, "EUR", now, List.of(alloc(shipment, 1, "SHIPPED"))).errors()).as(absurd)
                    .singleElement().asString().startsWith("amount: ");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE payer_id = ?").param(n.buyer()).query(Long.class).single()).isZero();
    }

    @Test
    void anUnmatchedPaymentIsResolvedByThePayee() {
        TradeNet n = net();
        Instant now = Instant.now();
        String shipment = shipAndDeliver(n, now);
        Api.Response loose = pay(n, "u1-" + run, "93.75", "EUR", now, List.of());
        assertThat(loose.<String>at("status")).isEqualTo("UNMATCHED");
        assertThat(awaitEvents(n.supplier(), n.key(n.supplier()), "UNMATCHED_PAYMENT", 1)).hasSize(1);
        assertThat(api.get("/api/v1/payments/sync?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.buyer())).<Number>at("unmatched").intValue()).isEqualTo(1);
        assertThat(api.postJson("/api/v1/payments/u1-" + run + "/match", n.key(n.buyer()), Map.of("allocations", List.of(alloc(shipment, 1, "SHIPPED"))))
                .status()).isEqualTo(403);
        Api.Response matched = api.postJson("/api/v1/payments/u1-" + run + "/match", n.key(n.supplier()),
                Map.of("allocations", List.of(alloc(shipment, 1, "SHIPPED"))));
        assertThat(matched.<String>at("status")).as(matched.text()).isEqualTo("MATCHED");
        assertThat(api.postJson("/api/v1/payments/u1-" + run + "/match", n.key(n.supplier()), Map.of("allocations", List.of(alloc(shipment, 1, "SHIPPED"))))
                .status()).isEqualTo(409);
        // The payment was recorded when it arrived, its match when the payee made it.
        assertThat(loose.<Object>at("ledger")).isNotNull();
        assertThat(loose.<Object>at("matchesLedger")).isNull();
        assertThat(matched.<Number>at("matchesLedger.index").longValue()).isGreaterThan(loose.<Number>at("ledger.index").longValue());
        assertThat(ledgerFindings()).isEmpty();
    }

    @Test
    void theSupplierSetsTermsThatOnlyThePairSees() {
        TradeNet n = net();
        assertThat(api.get("/api/v1/terms?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.buyer())).<String>at("kind")).isEqualTo("MILESTONE");
        Api.Response set = api.put("/api/v1/terms", n.key(n.supplier()), "application/json", "{\"buyer\": \"" + n.buyer() + "\", \"kind\": \"NET\", \"days\": 30}");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(api.get("/api/v1/terms?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.buyer())).<Integer>at("days")).isEqualTo(30);
        assertThat(api.get("/api/v1/terms?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.outsider())).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/terms", n.key(n.supplier()), "application/json", "{\"buyer\": \"" + n.buyer() + "\", \"kind\": \"NET\", \"days\": 400}")
                .errors()).containsExactly("days: net days must lie in [0, 365]");
        assertThat(api.put("/api/v1/terms", n.key(n.outsider()), "application/json", "{\"buyer\": \"" + n.buyer() + "\", \"kind\": \"NET\", \"days\": 5}")
                .errors()).containsExactly("buyer: must be an accepted buyer of " + n.outsider());
    }

    @Test
    void theBuyerCannotSetTermsForTheReversedPair() {
        TradeNet n = net();
        // The buyer names its supplier as "buyer": the pair (S buys from B) has no link, so nothing is stored.
        Api.Response reversed = api.put("/api/v1/terms", n.key(n.buyer()), "application/json",
                "{\"buyer\": \"" + n.supplier() + "\", \"kind\": \"NET\", \"days\": 5}");
        assertThat(reversed.errors()).containsExactly("buyer: must be an accepted buyer of " + n.buyer());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_terms WHERE buyer_id IN (?, ?)").params(n.buyer(), n.supplier()).query(Long.class).single())
                .isZero();
        assertThat(api.get("/api/v1/terms?buyer=" + n.supplier() + "&supplier=" + n.buyer(), n.key(n.buyer())).<String>at("kind")).isEqualTo("MILESTONE");
        // The supplier of the link still sets the pair's terms.
        Api.Response set = api.put("/api/v1/terms", n.key(n.supplier()), "application/json", "{\"buyer\": \"" + n.buyer() + "\", \"kind\": \"NET\", \"days\": 14}");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(api.get("/api/v1/terms?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.buyer())).<Integer>at("days")).isEqualTo(14);
    }

    @Test
    void latePaymentsLowerTheCreditRecordAndTheLogisticsRhythmChangesTheSuppliersShipments() {
        TradeNet n = net();
        Instant now = Instant.now();
        String shipment = shipAndDeliver(n, now);
        pay(n, "r1-" + run, "150.00", "EUR", now.minus(Duration.ofDays(9)), List.of(alloc(shipment, 1, "SHIPPED"), alloc(shipment, 2, "SHIPPED")));
        pay(n, "r2-" + run, "350.00", "EUR", now, List.of(alloc(shipment, 1, "DELIVERED"), alloc(shipment, 1, "ACCEPTED"),
                alloc(shipment, 2, "DELIVERED"), alloc(shipment, 2, "ACCEPTED")));
        // Capital turns 12 times a year, inventory 8: ρ_t = 1.5 > 1.1 → LOGISTICS_RHYTHM with c = 1/3:
        // interval 7 d × (1 + 2/3) = 280 h, batch 100 × max(0.5, 1/3) = 50, advance payment required.
        Api.Response correction = api.postJson("/api/v1/corrections", n.key(n.buyer()),
                Map.of("supplier", n.supplier(), "capitalTurnover", 12, "inventoryTurnover", 8));
        assertThat(correction.status()).as(correction.text()).isEqualTo(201);
        assertThat(correction.<String>at("path")).isEqualTo("LOGISTICS_RHYTHM");
        assertThat(correction.<String>at("status")).isEqualTo("APPLIED");
        Api.Response rhythm = api.get("/api/v1/rhythm?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.supplier()));
        assertThat(rhythm.<String>at("interval")).isEqualTo("PT280H");
        assertThat(rhythm.<Number>at("batch").doubleValue()).isEqualTo(50);
        assertThat(rhythm.<Boolean>at("advanceRequired")).isTrue();
        assertThat(awaitEvents(n.supplier(), n.key(n.supplier()), "CORRECTION_PROPOSED", 1)).hasSize(1);

        // The next order is shipped by the new plan: at most 50 per shipment, not before 280 h after the last one.
        Api.Response next = api.postJson("/api/v1/orders", n.key(n.buyer()), Map.of("id", "so2-" + run, "supplier", n.supplier(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "60", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(20)).toString(), "due", now.plus(Duration.ofDays(25)).toString()));
        assertThat(next.<String>at("status")).as(next.text()).isEqualTo("CONFIRMED");
        assertThat(api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", "big-" + run, "order", "so2-" + run,
                "lines", List.of(unit("60")))).errors()).containsExactly("lines: the logistics rhythm limits a shipment to this buyer to 50.0");
        assertThat(api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", "soon-" + run, "order", "so2-" + run,
                "lines", List.of(unit("30")))).status()).isEqualTo(409);
    }

    @Test
    void paymentRealignmentProposesMilestoneTermsTheSupplierAccepts() {
        TradeNet n = net();
        api.put("/api/v1/terms", n.key(n.supplier()), "application/json", "{\"buyer\": \"" + n.buyer() + "\", \"kind\": \"NET\", \"days\": 60}");
        // ρ_t = 8.9 / 10 = 0.89 < 0.9 → PAYMENT_REALIGNMENT.
        Api.Response proposed = api.postJson("/api/v1/corrections", n.key(n.buyer()),
                Map.of("supplier", n.supplier(), "capitalTurnover", 8.9, "inventoryTurnover", 10));
        assertThat(proposed.<String>at("path")).isEqualTo("PAYMENT_REALIGNMENT");
        assertThat(proposed.<String>at("status")).isEqualTo("PROPOSED");
        String id = proposed.at("id");
        assertThat(api.post("/api/v1/corrections/" + id + "/accept", n.key(n.buyer()), "application/json", "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/corrections/" + id + "/accept", n.key(n.supplier()), "application/json", "").<String>at("status")).isEqualTo("ACCEPTED");
        assertThat(api.get("/api/v1/terms?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.buyer())).<String>at("kind")).isEqualTo("MILESTONE");
        assertThat(api.post("/api/v1/corrections/" + id + "/decline", n.key(n.supplier()), "application/json", "").status()).isEqualTo(409);
        assertThat(awaitEvents(n.buyer(), n.key(n.buyer()), "CORRECTION_DECIDED", 1)).hasSize(1);
        // ρ_t = 1.0 → COMBINED: terms proposed and the rhythm applied at once.
        assertThat(api.postJson("/api/v1/corrections", n.key(n.buyer()), Map.of("supplier", n.supplier(), "capitalTurnover", 10, "inventoryTurnover", 10))
                .<String>at("path")).isEqualTo("COMBINED");
        assertThat(api.postJson("/api/v1/corrections", n.key(n.buyer()), Map.of("supplier", n.outsider(), "capitalTurnover", 1, "inventoryTurnover", 1))
                .errors()).containsExactly("supplier: must be an accepted supplier of " + n.buyer());
    }

    @Test
    void belowHalfTheCreditRecordAShipmentLeavesOnlyAfterItsAdvanceIsPaid() throws Exception {
        TradeNet n = net();
        Instant now = Instant.now();
        String shipment = shipAndDeliver(n, now);
        pay(n, "a1-" + run, "150.00", "EUR", now.minus(Duration.ofDays(9)), List.of(alloc(shipment, 1, "SHIPPED"), alloc(shipment, 2, "SHIPPED")));
        pay(n, "a2-" + run, "350.00", "EUR", now, List.of(alloc(shipment, 1, "DELIVERED"), alloc(shipment, 1, "ACCEPTED"),
                alloc(shipment, 2, "DELIVERED"), alloc(shipment, 2, "ACCEPTED")));
        // A one-second base interval keeps this test short: 1 s × (1 + 2/3) ≈ 2 s between shipments.
        assertThat(api.postJson("/api/v1/corrections", n.key(n.buyer()), Map.of("supplier", n.supplier(), "capitalTurnover", 12,
                "inventoryTurnover", 8, "interval", "PT1S")).<Boolean>at("proposal.rhythm.advanceRequired")).isTrue();
        Api.Response order = api.postJson("/api/v1/orders", n.key(n.buyer()), Map.of("id", "adv-" + run, "supplier", n.supplier(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "30", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(20)).toString(), "due", now.plus(Duration.ofDays(25)).toString()));
        assertThat(order.<String>at("status")).isEqualTo("CONFIRMED");
        assertThat(api.put("/api/v1/terms", n.key(n.supplier()), "application/json", "{\"buyer\": \"" + n.buyer() + "\", \"order\": \"adv-" + run
                + "\", \"kind\": \"ADVANCE\", \"percent\": 100}").status()).isEqualTo(200);
        Thread.sleep(2_100);
        String next = "adv-sh-" + run;
        Api.Response created = api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", next, "order", "adv-" + run, "lines", List.of(unit("30"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(milestone(n, next, n.supplier(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(409);
        // 30 × 12.50 = 375.00 in advance.
        assertThat(pay(n, "a3-" + run, "375.00", "EUR", Instant.now(), List.of(alloc(next, 1, "ADVANCE"))).status()).isEqualTo(201);
        assertThat(milestone(n, next, n.supplier(), Map.of("milestone", "SHIPPED")).status()).isEqualTo(201);
    }

    @Test
    void aPaymentRetriedWhileTheFirstAttemptIsInFlightIsRecordedExactlyOnce() throws Exception {
        TradeNet n = net();
        Instant now = Instant.now();
        String shipment = shipAndDeliver(n, now);
        // A client that timed out retries the same request: eight copies race; one records, the rest replay it.
        int copies = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < copies; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return pay(n, "r1-" + run, "150.00", "EUR", now, List.of(alloc(shipment, 1, "SHIPPED"), alloc(shipment, 2, "SHIPPED")));
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Api.Response> a : answers) {
            statuses.add(a.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE id = ?").param("r1-" + run).query(Long.class).single()).isEqualTo(1);
        // 93.75 + 56.25, matched once.
        assertThat(jdbc.sql("SELECT SUM(amount) FROM payment_match WHERE payment_id = ?").param("r1-" + run)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("150.00");
        // A different payment for the same, now settled instalments is an over-payment, not a second match.
        assertThat(pay(n, "r2-" + run, "150.00", "EUR", now, List.of(alloc(shipment, 1, "SHIPPED"), alloc(shipment, 2, "SHIPPED"))).errors())
                .containsExactly("allocations[0]: instalment SHIPPED of " + shipment + "/1 is already paid",
                        "allocations[1]: instalment SHIPPED of " + shipment + "/2 is already paid");
        assertThat(awaitEvents(n.supplier(), n.key(n.supplier()), "PAYMENT_MATCHED", 1)).hasSize(1);
    }

    @Test
    void withoutDeclaredTurnoversTheCorrectionDerivesThemFromStockAndPayments() {
        TradeNet n = net();
        Instant now = Instant.now();
        String shipment = shipAndDeliver(n, now);
        Api.Response none = api.postJson("/api/v1/corrections", n.key(n.buyer()), Map.of("supplier", n.supplier()));
        assertThat(none.errors()).hasSize(2);
        assertThat(api.postJson("/api/v1/corrections", n.key(n.buyer()), Map.of("supplier", n.supplier(), "capitalTurnover", 12)).errors())
                .containsExactly("inventoryTurnover: must be a number greater than 0 (turns a year); omit both turnovers to derive them");
        pay(n, "d1-" + run, "150.00", "EUR", now.minus(Duration.ofDays(9)), List.of(alloc(shipment, 1, "SHIPPED"), alloc(shipment, 2, "SHIPPED")));
        pay(n, "d2-" + run, "350.00", "EUR", now, List.of(alloc(shipment, 1, "DELIVERED"), alloc(shipment, 1, "ACCEPTED"),
                alloc(shipment, 2, "DELIVERED"), alloc(shipment, 2, "ACCEPTED")));
        Api.Response used = api.postJson("/api/v1/nodes/" + n.buyer() + "/stock/movements", n.key(n.buyer()),
                Map.of("id", "use-" + run, "material", BOARD, "kind", "CONSUMPTION", "quantity", "28"));
        assertThat(used.status()).as(used.text()).isEqualTo(201);
        // 40 received, 28 used in the last 56 days: 0.5 a day, 12 on hand → 24 days of inventory (365/24 = 15.2083 turns).
        // Paid 5.3 days after arrival (amount-weighted): capital tied 18.7 days → 365/18.7 = 19.5187 turns; ρ_t = 24/18.7 = 1.2834.
        Api.Response derived = api.postJson("/api/v1/corrections", n.key(n.buyer()), Map.of("supplier", n.supplier()));
        assertThat(derived.status()).as(derived.text()).isEqualTo(201);
        assertThat(derived.<Number>at("ratio").doubleValue()).isEqualTo(1.2834);
        assertThat(derived.<Number>at("capitalTurnover").doubleValue()).isEqualTo(19.5187);
        assertThat(derived.<Number>at("inventoryTurnover").doubleValue()).isEqualTo(15.2083);
        assertThat(derived.<String>at("path")).isEqualTo("LOGISTICS_RHYTHM");
    }

    /** Links a buyer to a supplier for boards and places an order of the given quantity due in the given days. */
    String order(String buyer, String buyerKey, String supplier, String id, String quantity, int dueDays) {
        Instant now = Instant.now();
        Api.Response placed = api.postJson("/api/v1/orders", buyerKey, Map.of("id", id, "supplier", supplier,
                "lines", List.of(Map.of("material", BOARD, "quantity", quantity, "unit", "H87")),
                "earliest", now.plus(Duration.ofHours(1)).toString(), "due", now.plus(Duration.ofDays(dueDays)).toString()));
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        return id;
    }

    void link(String buyer, String buyerKey, String supplier, String supplierKey) {
        Api.Response link = api.postJson("/api/v1/links", buyerKey, Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(BOARD)));
        assertThat(api.post("/api/v1/links/" + link.at("id") + "/accept", supplierKey, "application/json", "").status()).isEqualTo(200);
    }

    void awaitClass(String buyer, String supplier, String key, String wanted, int orders) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = api.get("/api/v1/relations/" + buyer + "/" + supplier, key);
            return r.status() == 200 && wanted.equals(r.at("class")) && ((Number) r.at("ordersIn90Days")).intValue() == orders;
        });
    }

    List<String> queue(String supplier, String key) {
        Api.Response q = api.get("/api/v1/nodes/" + supplier + "/shipping-queue?material=" + BOARD, key);
        assertThat(q.status()).as(q.text()).isEqualTo(200);
        return q.<List<Map<String, Object>>>at("items").stream().map(i -> (String) i.get("order")).toList();
    }

    @Test
    void exceptionPriorityReordersTwoCompetingShipments() {
        String s = id("qs");
        String b1 = id("qa");
        String b2 = id("qb");
        String t = id("qt");
        String r1 = id("qr1");
        String r2 = id("qr2");
        Map<String, String> keys = Map.of(s, node(s), b1, node(b1), b2, node(b2), t, node(t), r1, node(r1), r2, node(r2));
        for (String supplier : List.of(s, t)) {
            assertThat(api.put("/api/v1/nodes/" + supplier + "/capacity", keys.get(supplier), "application/json", """
                    {"wip-max": 1000, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                     "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 1000}]}""".formatted(BOARD)).status()).isEqualTo(200);
        }
        link(b1, keys.get(b1), s, keys.get(s));
        link(b2, keys.get(b2), s, keys.get(s));
        // Two reference pairs of 900 boards keep the network's median daily amount far above the hundredths ordered
        // here, so the amount term of ρ stays negligible and the class follows the order count.
        link(r1, keys.get(r1), t, keys.get(t));
        link(r2, keys.get(r2), t, keys.get(t));
        order(r1, keys.get(r1), t, "qref1-" + run, "900", 5);
        order(r2, keys.get(r2), t, "qref2-" + run, "900", 5);

        // B1's order is due in 2 days, B2's in 20: equal quantities, so U(B1) = 10 · U(B2). Both pairs are MARKET (one order
        // in 90 days: ρ ≈ 0.5 · (1/90) · 7 = 0.039 < θ1), equal priority LOW: urgency decides, B1 ships first.
        String urgent = order(b1, keys.get(b1), s, "q1-" + run, "0.01", 2);
        String calm = order(b2, keys.get(b2), s, "q2-" + run, "0.01", 20);
        awaitClass(b1, s, keys.get(b1), "MARKET", 1);
        awaitClass(b2, s, keys.get(b2), "MARKET", 1);
        List<String> before = queue(s, keys.get(s));
        assertThat(before).containsExactly(urgent, calm);

        // B2 orders 14 more (due in 30 days, less urgent than its first): 0.5 · (15/90) · 7 = 0.583 ≥ 0.525 → COLLABORATIVE,
        // priority NORMAL. Now B2's calm order comes before B1's urgent one.
        for (int i = 0; i < 14; i++) {
            order(b2, keys.get(b2), s, "q2-" + i + "-" + run, "0.01", 30);
        }
        awaitClass(b2, s, keys.get(b2), "COLLABORATIVE", 15);
        Api.Response after = api.get("/api/v1/nodes/" + s + "/shipping-queue?material=" + BOARD, keys.get(s));
        List<Map<String, Object>> items = after.at("items");
        assertThat(items).hasSize(16);
        assertThat(items.get(0)).containsEntry("order", calm).containsEntry("buyer", b2).containsEntry("priority", "NORMAL").containsEntry("rank", 1);
        assertThat(items.get(15)).containsEntry("order", urgent).containsEntry("buyer", b1).containsEntry("priority", "LOW");
        assertThat(((Number) items.get(15).get("urgency")).doubleValue()).isGreaterThan(((Number) items.get(0).get("urgency")).doubleValue());
        // A shipped order leaves the queue; only the supplier (and the operator) sees it.
        assertThat(api.postJson("/api/v1/shipments", keys.get(s), Map.of("id", "qsh-" + run, "order", calm, "lines", List.of(unit("0.01"))))
                .status()).isEqualTo(201);
        assertThat(queue(s, keys.get(s))).hasSize(15).doesNotContain(calm).endsWith(urgent);
        assertThat(api.get("/api/v1/nodes/" + s + "/shipping-queue?material=" + BOARD, keys.get(b1)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + s + "/shipping-queue?material=", keys.get(s)).errors())
                .containsExactly("material: must be a material code of 1 to 40 characters");
    }
}
