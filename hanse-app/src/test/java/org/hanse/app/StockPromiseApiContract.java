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
 * Available-to-promise over real HTTP: a distributor without any capacity declaration promises sideboards from its
 * stock; the promise is recorded per order, shrinks as goods leave stock for the order and is released on withdrawal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
@Import(MutableClock.Config.class)
abstract class StockPromiseApiContract extends ApiTestSupport {

    static final String SIDEBOARD = OrderApiContract.SIDEBOARD;

    @Autowired
    MutableClock clock;

    record Net(String retailer, String retailerKey, String distributor, String distributorKey) {
    }

    /** A retailer buying sideboards from a distributor with a day of transit; the distributor declares no capacity. */
    Net net() {
        String r = id("r");
        String d = id("d");
        String all = "order-sync, inventory-notify, exception-broadcast";
        String rKey = register(OrderApiContract.node(r, "retailer", all, OrderApiContract.mapping("SB", SIDEBOARD)));
        String dKey = register(OrderApiContract.node(d, "distributor", all, OrderApiContract.mapping("SB", SIDEBOARD)));
        Api.Response requested = api.postJson("/api/v1/links", rKey,
                Map.of("buyer", r, "supplier", d, "materials", List.of(SIDEBOARD), "transit", "PT24H"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/links/" + requested.at("id") + "/accept", dKey, "application/json", "").status()).isEqualTo(200);
        return new Net(r, rKey, d, dKey);
    }

    private String register(String yaml) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, yaml);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    Api.Response move(Net n, String kind, String quantity, String order) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("material", SIDEBOARD, "kind", kind, "quantity", quantity,
                "occurredAt", clock.instant().minusSeconds(60).toString()));
        if (order != null) {
            body.put("order", order);
        }
        Api.Response r = api.postJson("/api/v1/nodes/" + n.distributor() + "/stock/movements", n.distributorKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r;
    }

    Api.Response order(Net n, String id, String quantity) {
        Instant now = clock.instant();
        return api.postJson("/api/v1/orders", n.retailerKey(), Map.of("id", id, "supplier", n.distributor(),
                "lines", List.of(Map.of("material", SIDEBOARD, "quantity", quantity, "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(3)).toString(), "due", now.plus(Duration.ofDays(5)).toString()));
    }

    double allocated(String order) {
        return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM stock_allocation WHERE order_id = ? AND released_at IS NULL")
                .param(order).query(java.math.BigDecimal.class).single().doubleValue();
    }

    @Test
    void aDistributorWithoutCapacityPromisesFromStockUntilItIsGone() {
        Net n = net();
        move(n, "RECEIPT", "30", null);
        String first = id("po1");
        Api.Response accepted = order(n, first, "20");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        assertThat(accepted.<String>at("status")).isEqualTo("CONFIRMED");
        // R = 24 h transit; D − now = 120 h: U = 0.2, routine.
        assertThat(accepted.<String>at("outcome")).isEqualTo("ACCEPTED_ROUTINE");
        assertThat(allocated(first)).isEqualTo(20);
        assertThat(accepted.<Number>at("decision.allocated." + SIDEBOARD).doubleValue()).isEqualTo(20);

        // 30 on hand − 20 promised = 10 free: 15 more are refused with the reason, and nothing is promised for them.
        String second = id("po2");
        Api.Response refused = order(n, second, "15");
        assertThat(refused.status()).as(refused.text()).isEqualTo(201);
        assertThat(refused.<String>at("status")).isEqualTo("REJECTED");
        assertThat(refused.<List<String>>at("decision.reasons")).singleElement().asString().contains("10 of " + SIDEBOARD).contains("5 short");
        assertThat(allocated(second)).isZero();

        // 5 leave stock for the first order: 25 on hand, 15 still outstanding for it, 10 free — exactly what a third order takes.
        move(n, "CONSUMPTION", "5", first);
        String third = id("po3");
        assertThat(order(n, third, "10").<String>at("status")).isEqualTo("CONFIRMED");
        assertThat(order(n, id("po4"), "1").<String>at("status")).isEqualTo("REJECTED");

        // Withdrawing the first order gives its 15 outstanding back.
        Api.Response withdrawn = api.post("/api/v1/orders/" + first + "/withdraw", n.retailerKey(), "application/json", "");
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(allocated(first)).isZero();
        assertThat(order(n, id("po5"), "15").<String>at("status")).isEqualTo("CONFIRMED");
    }
}
