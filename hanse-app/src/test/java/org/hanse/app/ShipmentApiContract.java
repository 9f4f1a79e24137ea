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

    static final String BOARD = "4012345000016";

    record Net(String buyer, String supplier, String outsider, Map<String, String> keys, String order) {
        String key(String node) {
            return keys.get(node);
        }
    }

    String node(String id) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], "
                + "location: { lat: 52.0, lon: 8.5 } }\nmodules: [order-sync, inventory-notify, exception-broadcast]\nbom-mapping:\n"
                + "  - { local: SP19, material: \"" + BOARD + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    Net net() {
        String b = id("sb");
        String s = id("ss");
        String o = id("so");
        Map<String, String> keys = Map.of(b, node(b), s, node(s), o, node(o));
        api.put("/api/v1/nodes/" + s + "/capacity", keys.get(s), "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD));
        Api.Response link = api.postJson("/api/v1/links", keys.get(b), Map.of("buyer", b, "supplier", s, "materials", List.of(BOARD)));
        api.post("/api/v1/links/" + link.at("id") + "/accept", keys.get(s), "application/json", "");
        Instant now = Instant.now();
        String order = "so-" + run;
        Api.Response placed = api.postJson("/api/v1/orders", keys.get(b), Map.of("id", order, "supplier", s,
                "lines", List.of(Map.of("material", BOARD, "quantity", "40", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(2)).toString(), "due", now.plus(Duration.ofDays(6)).toString()));
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("OPEN");
        return new Net(b, s, o, keys, order);
    }

    Map<String, Object> unit(String quantity) {
        return Map.of("material", BOARD, "quantity", quantity, "unitPrice", "12.50", "currency", "EUR");
    }

    Api.Response milestone(Net n, String shipment, String node, Map<String, Object> body) {
        return api.postJson("/api/v1/shipments/" + shipment + "/milestones", n.key(node), body);
    }

    @Test
    void milestonesFollowTheirOrderAndDeliveryFeedsTheBuyersStock() {
        Net n = net();
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
        assertThat(api.get("/api/v1/shipments/" + shipment, n.key(n.outsider())).status()).isEqualTo(403);
    }

    @Test
    void badShipmentsAreRejectedAndNothingIsStored() {
        Net n = net();
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
        assertThat(api.postJson("/api/v1/shipments", n.key(n.outsider()), Map.of("id", "z-" + run, "order", n.order(),
                "lines", List.of(unit("1")))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/shipments/x-" + run, OPERATOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/shipments/y-" + run, OPERATOR).status()).isEqualTo(404);
    }
}
