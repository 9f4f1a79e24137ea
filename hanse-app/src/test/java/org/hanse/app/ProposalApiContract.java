package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Feasible proposals over real HTTP: a rejection proposes a window that starts no earlier than the chain can deliver, is
 * verified before it is offered, and is accepted when the buyer resubmits it (even seconds later) while capacity is unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
@Import(MutableClock.Config.class)
abstract class ProposalApiContract extends ApiTestSupport {

    static final String SIDEBOARD = OrderApiContract.SIDEBOARD;
    static final String TABLE = OrderApiContract.TABLE;
    static final String CHIPBOARD = OrderApiContract.CHIPBOARD;

    @Autowired
    MutableClock clock;

    record Net(String b, String bKey, String m, String mKey) {
    }

    /** Buyer B and manufacturer M (8 h a day, every day; sideboards need a day of processing and chipboard from S). */
    Net net() {
        String b = id("b");
        String m = id("m");
        String s = id("s");
        String all = "order-sync, inventory-notify, exception-broadcast";
        String bKey = register(OrderApiContract.node(b, "retailer", all, OrderApiContract.mapping("SB", SIDEBOARD)
                + OrderApiContract.mapping("TI", TABLE)));
        String mKey = register(OrderApiContract.node(m, "manufacturer", all, OrderApiContract.mapping("SB", SIDEBOARD)
                + OrderApiContract.mapping("TI", TABLE) + OrderApiContract.mapping("SP", CHIPBOARD)) + """
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
        String sKey = register(OrderApiContract.node(s, "supplier", all, OrderApiContract.mapping("P2", CHIPBOARD)));
        Api.Response declared = api.put("/api/v1/nodes/" + s + "/capacity", sKey, "application/json", """
                {"wip-max": 10, "calendar": {"days-off": []}, "resources": [{"id": "press", "hours-per-day": 16}],
                 "materials": [{"material": "%s", "resource": "press", "rate-per-hour": 10}]}""".formatted(CHIPBOARD));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        link(b, bKey, m, mKey, List.of(SIDEBOARD, TABLE), "PT24H");
        link(m, mKey, s, sKey, List.of(CHIPBOARD), "PT12H");
        return new Net(b, bKey, m, mKey);
    }

    private String register(String yaml) {
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

    Api.Response place(Net n, String id, String material, String quantity, Instant earliest, Instant due) {
        return api.postJson("/api/v1/orders", n.bKey(), Map.of("id", id, "supplier", n.m(),
                "lines", List.of(Map.of("material", material, "quantity", quantity, "unit", "H87")),
                "earliest", earliest.toString(), "due", due.toString()));
    }

    @Test
    void anOrderDueInThePastGetsAWindowAheadAndItsResubmissionIsAccepted() {
        Net n = net();
        Instant now = clock.instant();
        String po = id("late");
        // Ten tables (10 h at 8 h a day) due yesterday, in a five-day window.
        Api.Response rejected = place(n, po, TABLE, "10", now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(1)));
        assertThat(rejected.<String>at("status")).as(rejected.text()).isEqualTo("REJECTED");
        // 10 h at 8 h a day take 30 h from the decision, then a day of transit: delivery from now + 54 h (plus the moment
        // the server took). The five-day width is kept, but the window no longer starts in the past.
        Instant delivery = now.plus(Duration.ofHours(54));
        Map<String, Object> proposed = rejected.at("decision.proposedWindow");
        Instant earliest = Instant.parse((String) proposed.get("earliest"));
        assertThat(earliest).isBetween(delivery, delivery.plusSeconds(30));
        assertThat(Instant.parse((String) proposed.get("due"))).isEqualTo(earliest.plus(Duration.ofDays(5)));
        assertThat(rejected.<String>at("decision.proposalBasis.computedAt")).isNotNull();

        clock.advance(Duration.ofSeconds(7));
        Api.Response resubmitted = api.postJson("/api/v1/orders/" + po + "/resubmit", n.bKey(), proposed);
        assertThat(resubmitted.status()).as(resubmitted.text()).isEqualTo(200);
        assertThat(resubmitted.<String>at("status")).as(resubmitted.text()).isEqualTo("CONFIRMED");
    }

    @Test
    void aChainShortBySomeHoursIsProposedLaterAndTheProposalHoldsSecondsAfter() {
        Net n = net();
        Instant now = clock.instant();
        String po = id("tight");
        // One sideboard due in 30 h: M must finish by +6 h, start by −18 h — the chipboard cannot come in time.
        Api.Response rejected = place(n, po, SIDEBOARD, "1", now.plus(Duration.ofHours(29)), now.plus(Duration.ofHours(30)));
        assertThat(rejected.<String>at("status")).as(rejected.text()).isEqualTo("REJECTED");
        Map<String, Object> proposed = rejected.at("decision.proposedWindow");
        // Forward from now: chipboard 0.2 h, 12 h transit, 24 h processing, 24 h transit: no delivery before now + 60.2 h.
        Instant due = Instant.parse((String) proposed.get("due"));
        assertThat(due).isAfterOrEqualTo(now.plus(Duration.ofHours(60)));
        assertThat(Instant.parse((String) proposed.get("earliest"))).isAfterOrEqualTo(now.plus(Duration.ofHours(60)));

        // Before, each resubmission came seconds later than the forward pass it was derived from, and failed by those seconds.
        clock.advance(Duration.ofSeconds(30));
        Api.Response resubmitted = api.postJson("/api/v1/orders/" + po + "/resubmit", n.bKey(), proposed);
        assertThat(resubmitted.<String>at("status")).as(resubmitted.text()).isEqualTo("CONFIRMED");
        Api.Response chain = api.get("/api/v1/orders/" + po + "/chain", n.bKey());
        assertThat(chain.<Boolean>at("feasible")).isTrue();
    }

    @Test
    void whenCapacityChangedTheResubmissionIsDecidedAfresh() {
        Net n = net();
        Instant now = clock.instant();
        String po = id("moved");
        Api.Response rejected = place(n, po, TABLE, "10", now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(1)));
        Map<String, Object> proposed = rejected.at("decision.proposedWindow");
        // The manufacturer now declares 1 h a day: the 5 days and 6 h from now to the proposal's LF hold 5.25 h, not 10.
        Api.Response declared = api.put("/api/v1/nodes/" + n.m() + "/capacity", n.mKey(), "application/json", """
                {"wip-max": 10, "calendar": {"days-off": []}, "resources": [{"id": "assembly", "hours-per-day": 1}],
                 "materials": [{"material": "%s", "resource": "assembly", "rate-per-hour": 1}]}""".formatted(TABLE));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        Api.Response resubmitted = api.postJson("/api/v1/orders/" + po + "/resubmit", n.bKey(), proposed);
        assertThat(resubmitted.<String>at("status")).as(resubmitted.text()).isEqualTo("REJECTED");
    }
}
