package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A buyer, its supplier of boards (one 24 h/day press, 100 boards an hour) and an outsider, linked, with one confirmed
 * order of 40 boards due in six days: the trade the shipment and invoice contracts start from.
 */
record TradeNet(String buyer, String supplier, String outsider, Map<String, String> keys, String order) {

    static final String BOARD = "4012345000016";

    String key(String node) {
        return keys.get(node);
    }

    /** Registers the three nodes (ids from {@code prefix}), links buyer and supplier, and places the order. */
    static TradeNet of(ApiTestSupport t, String prefix) {
        String b = t.id(prefix + "b");
        String s = t.id(prefix + "s");
        String o = t.id(prefix + "o");
        Map<String, String> keys = Map.of(b, node(t, b), s, node(t, s), o, node(t, o));
        t.api.put("/api/v1/nodes/" + s + "/capacity", keys.get(s), "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD));
        Api.Response link = t.api.postJson("/api/v1/links", keys.get(b), Map.of("buyer", b, "supplier", s, "materials", List.of(BOARD)));
        t.api.post("/api/v1/links/" + link.at("id") + "/accept", keys.get(s), "application/json", "");
        Instant now = Instant.now();
        String order = prefix + "o-" + t.run;
        Api.Response placed = t.api.postJson("/api/v1/orders", keys.get(b), Map.of("id", order, "supplier", s,
                "lines", List.of(Map.of("material", BOARD, "quantity", "40", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(2)).toString(), "due", now.plus(Duration.ofDays(6)).toString()));
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        return new TradeNet(b, s, o, keys, order);
    }

    /** Registers a manufacturer node mapping the boards; its API key. */
    static String node(ApiTestSupport t, String id) {
        Api.Response r = t.api.post("/api/v1/nodes", null, ApiTestSupport.YAML, "node: { id: " + id + ", name: \"" + id
                + "\", roles: [manufacturer], location: { lat: 52.0, lon: 8.5 } }\nmodules: [order-sync, inventory-notify, "
                + "exception-broadcast]\nbom-mapping:\n  - { local: SP19, material: \"" + BOARD + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }
}
