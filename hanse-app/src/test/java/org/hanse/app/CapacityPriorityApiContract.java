package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Exception priority orders capacity (RULES 3.5) over real HTTP: a HIGH-priority pair's order takes the hours of a
 * lower-ranked order that has not started; that order keeps its acceptance and is reserved again on what is left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
@Import(MutableClock.Config.class)
abstract class CapacityPriorityApiContract extends ApiTestSupport {

    @Autowired
    MutableClock clock;

    @Test
    void aHighPriorityOrderDisplacesANotYetStartedLowerOneWhichIsWarnedWhenItNoLongerFits() {
        // Start at a UTC midnight so today's share of the 8-hour day is (almost) whole: D0 = today.
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        clock.advance(Duration.between(clock.instant(), midnight));
        LocalDate d0 = LocalDate.ofInstant(midnight, ZoneOffset.UTC);
        String s = id("ps");
        String b1 = id("pn");
        String b2 = id("ph");
        String sKey = register(s, "order-sync, inventory-notify, exception-broadcast");
        String b1Key = register(b1, "order-sync, inventory-notify, exception-broadcast");
        String b2Key = register(b2, "order-sync, inventory-notify, exception-broadcast");
        Api.Response declared = api.put("/api/v1/nodes/" + s + "/capacity", sKey, "application/json", """
                {"wip-max": 10, "calendar": {"days-off": []}, "resources": [{"id": "press", "hours-per-day": 8}],
                 "materials": [{"material": "%s", "resource": "press", "rate-per-hour": 1}]}""".formatted(GTIN_BOARD));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        link(b1, b1Key, s, sKey, "PT24H");
        link(b2, b2Key, s, sKey, "PT24H");
        // Both due at D5 00:00, 24 h transit: LF = D4 00:00, so D0 … D3 (8 h each) lie in the window.
        Instant due = midnight.plus(Duration.ofDays(5));

        // B1 (no HIGH pair): 16 boards = 16 h, reserved backward from LF on D3 and D2.
        String first = "pa-" + run;
        Api.Response a = api.postJson("/api/v1/orders", b1Key, order(first, s, "16", midnight, due));
        assertThat(a.<String>at("state")).as(a.text()).isEqualTo("CONFIRMED");
        assertThat(hours(first)).containsExactlyInAnyOrderEntriesOf(Map.of(d0.plusDays(2), 8.0, d0.plusDays(3), 8.0));

        // B2's pair is LOCK_IN_RISK: exception priority HIGH (RULES 3.2), as the relations module stores an assessment.
        jdbc.sql("DELETE FROM relation_pair WHERE buyer_id = ? AND supplier_id = ?").params(b2, s).update();
        jdbc.sql("""
                INSERT INTO relation_pair (buyer_id, supplier_id, relation_class, rho, theta2, orders_count, daily_amount, spare_capacity, assessed_at)
                VALUES (?, ?, 'LOCK_IN_RISK', 2, 1, 31, 1, 0, ?)""").params(b2, s, Timestamp.from(clock.instant())).update();

        // B2 needs 24 h; only D0 + D1 ≈ 16 h are free. B1's 16 h have not started (D2, D3 > D0) and rank below HIGH:
        // 16 + 16 ≥ 24, so B1's order yields and B2's is accepted, reserved backward on D3, D2, D1.
        String second = "pb-" + run;
        Api.Response b = api.postJson("/api/v1/orders", b2Key, order(second, s, "24", midnight, due));
        assertThat(b.<String>at("state")).as(b.text()).isEqualTo("CONFIRMED");
        assertThat(hours(second)).containsExactlyInAnyOrderEntriesOf(Map.of(d0.plusDays(1), 8.0, d0.plusDays(2), 8.0, d0.plusDays(3), 8.0));

        // B1's order keeps its acceptance; backward from its LF only D0 is left (≈ 8 h), the other ≈ 8 h spill onto the
        // LF day D4, beyond capacity: its buyer is told DUE_DATE_AT_RISK.
        assertThat(api.get("/api/v1/orders/" + first, b1Key).<String>at("state")).isEqualTo("CONFIRMED");
        Map<LocalDate, Double> moved = hours(first);
        assertThat(moved).containsOnlyKeys(d0, d0.plusDays(4));
        assertThat(moved.get(d0)).isCloseTo(8.0, within(0.05));
        assertThat(moved.get(d0) + moved.get(d0.plusDays(4))).isCloseTo(16.0, within(1e-6));
        Map<String, Object> risk = awaitEvents(b1, b1Key, "DUE_DATE_AT_RISK", 1).get(0);
        assertThat(risk.get("sender")).isEqualTo(s);
        assertThat(((Map<?, ?>) risk.get("payload")).get("order")).isEqualTo(first);
        assertThat(((Map<?, ?>) risk.get("payload")).get("displacedBy")).isEqualTo(second);
        // The supplier's committed hours are the sum of both reservations: 24 + 16 = 40.
        assertThat(jdbc.sql("SELECT SUM(hours) FROM capacity_load WHERE node_id = ?").param(s).query(Double.class).single())
                .isCloseTo(40.0, within(1e-6));
    }

    private Map<String, Object> order(String id, String supplier, String quantity, Instant earliest, Instant due) {
        return Map.of("id", id, "supplier", supplier, "lines", List.of(Map.of("material", GTIN_BOARD, "quantity", quantity, "unit", "C62")),
                "earliest", earliest.toString(), "due", due.toString());
    }

    private Map<LocalDate, Double> hours(String orderId) {
        return jdbc.sql("SELECT work_date, hours FROM capacity_reservation WHERE order_id = ?").param(orderId)
                .query((rs, n) -> Map.entry(rs.getDate(1).toLocalDate(), rs.getDouble(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Double::sum));
    }

    private void link(String buyer, String buyerKey, String supplier, String supplierKey, String transit) {
        Api.Response requested = api.postJson("/api/v1/links", buyerKey,
                Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(GTIN_BOARD), "transit", transit));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/links/" + requested.at("id") + "/accept", supplierKey, "application/json", "").status()).isEqualTo(200);
    }
}
