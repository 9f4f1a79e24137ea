package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Component orders wait for the maker's approval (RULES 3.5): buyer B orders sideboards from maker M, whose bill of
 * materials needs two boards each from supplier S (a 16-hour press at 10 boards an hour, 12 h transit to M).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
@Import(MutableClock.Config.class)
abstract class ComponentApprovalApiContract extends ApiTestSupport {

    static final String SIDEBOARD = OrderApiContract.SIDEBOARD;
    static final String CHIPBOARD = OrderApiContract.CHIPBOARD;

    @Autowired
    MutableClock clock;

    record Net(String b, String bKey, String m, String mKey, String s, String sKey) {
    }

    Net net(boolean autoPlace) {
        String b = id("ab");
        String m = id("am");
        String s = id("as");
        String all = "order-sync, inventory-notify, exception-broadcast";
        String bKey = post(OrderApiContract.node(b, "retailer", all, OrderApiContract.mapping("SB", SIDEBOARD)));
        String mKey = post(OrderApiContract.node(m, "manufacturer", all, OrderApiContract.mapping("SB", SIDEBOARD)
                + OrderApiContract.mapping("SP", CHIPBOARD)) + """
                capacity:
                  wip-max: 10
                  calendar: { days-off: [] }
                  resources: [ { id: assembly, hours-per-day: 8 } ]
                  materials: [ { material: "%s", resource: assembly, rate-per-hour: 1, setup: PT0S } ]
                  auto-place-components: %s
                  bom:
                    - material: "%s"
                      processing-time: PT24H
                      components: [ { material: "%s", quantity: 2, supplier: %s } ]
                """.formatted(SIDEBOARD, autoPlace, SIDEBOARD, CHIPBOARD, s));
        String sKey = post(OrderApiContract.node(s, "supplier", all, OrderApiContract.mapping("P2", CHIPBOARD)));
        Api.Response declared = api.put("/api/v1/nodes/" + s + "/capacity", sKey, "application/json", """
                {"wip-max": 10, "calendar": {"days-off": []}, "resources": [{"id": "press", "hours-per-day": 16}],
                 "materials": [{"material": "%s", "resource": "press", "rate-per-hour": 10}]}""".formatted(CHIPBOARD));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        link(b, bKey, m, mKey, SIDEBOARD, "PT24H");
        link(m, mKey, s, sKey, CHIPBOARD, "PT12H");
        return new Net(b, bKey, m, mKey, s, sKey);
    }

    private String post(String yaml) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, yaml);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    private void link(String buyer, String buyerKey, String supplier, String supplierKey, String material, String transit) {
        Api.Response requested = api.postJson("/api/v1/links", buyerKey,
                Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(material), "transit", transit));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/links/" + requested.at("id") + "/accept", supplierKey, "application/json", "").status()).isEqualTo(200);
    }

    /** B orders twelve sideboards due in ten days; M needs 24 boards. */
    private String placeDozen(Net n, String po) {
        Instant now = clock.instant();
        Api.Response placed = api.postJson("/api/v1/orders", n.bKey(), Map.of("id", po, "supplier", n.m(),
                "lines", List.of(Map.of("material", SIDEBOARD, "quantity", "12", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(5)).toString(), "due", now.plus(Duration.ofDays(10)).toString()));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.<String>at("status")).isEqualTo("CONFIRMED");
        return po;
    }

    private Api.Response act(Net n, String id, String action, String key) {
        return api.post("/api/v1/nodes/" + n.m() + "/planned-orders/" + id + "/" + action, key, "application/json", "");
    }

    @Test
    void aComponentOrderWaitsUnsentUntilTheMakerApprovesItThenItsSupplierDecidesIt() {
        Net n = net(false);
        String po = placeDozen(n, "ap-" + run);
        String component = po + "~1";

        Api.Response planned = api.get("/api/v1/nodes/" + n.m() + "/planned-orders", n.mKey());
        assertThat(planned.status()).as(planned.text()).isEqualTo(200);
        @SuppressWarnings("unchecked") List<Map<String, Object>> list = (List<Map<String, Object>>) planned.body();
        assertThat(list).hasSize(1);
        assertThat(planned.<String>at("0.id")).isEqualTo(component);
        assertThat(planned.<String>at("0.state")).isEqualTo("PLANNED");
        assertThat(planned.<String>at("0.supplier")).isEqualTo(n.s());
        assertThat(planned.<String>at("0.parent")).isEqualTo(po);
        assertThat(planned.<String>at("0.outcome")).isEqualTo("PLANNED");
        assertThat(planned.<String>at("0.expectedOutcome")).as("what the supplier is likely to answer").isEqualTo("ACCEPTED_ROUTINE");
        // 12 sideboards × 2 boards, none in stock and none on order: 24 boards.
        assertThat(planned.<Map<String, Object>>at("0.lines.0")).isEqualTo(Map.of("material", CHIPBOARD, "quantity", "24", "unit", "H87"));

        // Not sent: the supplier neither sees it nor lists it, and the chain marks its step unplaced.
        assertThat(api.get("/api/v1/orders/" + component, n.sKey()).status()).isEqualTo(404);
        List<?> supplierOrders = api.get("/api/v1/orders?role=supplier", n.sKey()).at("items");
        assertThat(supplierOrders).isEmpty();
        List<Map<String, Object>> steps = api.get("/api/v1/orders/" + po + "/chain", n.bKey()).at("steps");
        assertThat(steps).filteredOn(s -> component.equals(s.get("order"))).singleElement()
                .satisfies(s -> assertThat(s.get("placed")).isEqualTo(false));
        // Only the maker approves or lists its planned orders.
        assertThat(api.get("/api/v1/nodes/" + n.m() + "/planned-orders", n.bKey()).status()).isEqualTo(403);
        assertThat(act(n, component, "approve", n.sKey()).status()).isEqualTo(403);
        assertThat(act(n, po, "approve", n.mKey()).status()).as("the buyer's order is no planned order of M").isEqualTo(404);

        Api.Response approved = act(n, component, "approve", n.mKey());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.<String>at("state")).isEqualTo("CONFIRMED");
        assertThat(approved.<String>at("outcome")).isEqualTo("ACCEPTED_ROUTINE");
        Api.Response again = act(n, component, "approve", n.mKey());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<String>at("state")).as("a repeat changes nothing").isEqualTo("CONFIRMED");

        // Now sent: S decided it on its press — R = 24 / 10 = 2.4 h + 12 h transit = 14.4 h.
        Api.Response seen = api.get("/api/v1/orders/" + component, n.sKey());
        assertThat(seen.status()).as(seen.text()).isEqualTo(200);
        assertThat(seen.<String>at("status")).isEqualTo("CONFIRMED");
        assertThat(seen.<Number>at("decision.requiredHours").doubleValue()).isCloseTo(14.4, within(1e-9));
        Api.Response chain = api.get("/api/v1/orders/" + po + "/chain", n.bKey());
        assertThat(chain.<Boolean>at("feasible")).isTrue();
        List<Map<String, Object>> after = chain.at("steps");
        assertThat(after).extracting(s -> s.get("order")).containsExactly(po, component);
        assertThat(after.get(1).get("placed")).isEqualTo(true);
        assertThat(after.get(1).get("parent")).isEqualTo(po);
        List<?> none = (List<?>) api.get("/api/v1/nodes/" + n.m() + "/planned-orders", n.mKey()).body();
        assertThat(none).isEmpty();

        Api.Response late = act(n, component, "discard", n.mKey());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text()).contains("is CONFIRMED");
    }

    @Test
    void aDiscardedComponentOrderIsWithdrawnUnsentAndCannotBeApprovedAfterwards() {
        Net n = net(false);
        String po = placeDozen(n, "ad-" + run);
        String component = po + "~1";
        Api.Response discarded = act(n, component, "discard", n.mKey());
        assertThat(discarded.status()).as(discarded.text()).isEqualTo(200);
        assertThat(discarded.<String>at("state")).isEqualTo("WITHDRAWN");
        assertThat(act(n, component, "discard", n.mKey()).<String>at("state")).as("repeat").isEqualTo("WITHDRAWN");
        Api.Response approve = act(n, component, "approve", n.mKey());
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.text()).contains("is WITHDRAWN");
        assertThat(api.get("/api/v1/orders/" + component, n.sKey()).status()).as("never sent").isEqualTo(404);
        List<?> supplierOrders = api.get("/api/v1/orders?role=any", n.sKey()).at("items");
        assertThat(supplierOrders).isEmpty();
        assertThat(api.get("/api/v1/orders/" + component, n.mKey()).<String>at("status")).isEqualTo("WITHDRAWN");
        assertThat(act(n, "nothing-" + run, "discard", n.mKey()).status()).isEqualTo(404);
    }

    @Test
    void aMakerThatOptedInSendsItsComponentOrdersAtOnce() {
        Net n = net(true);
        String po = placeDozen(n, "aa-" + run);
        List<?> none = (List<?>) api.get("/api/v1/nodes/" + n.m() + "/planned-orders", n.mKey()).body();
        assertThat(none).isEmpty();
        Api.Response seen = api.get("/api/v1/orders/" + po + "~1", n.sKey());
        assertThat(seen.status()).as(seen.text()).isEqualTo(200);
        assertThat(seen.<String>at("status")).isEqualTo("CONFIRMED");
    }
}
