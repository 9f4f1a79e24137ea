package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo network loads through the real rules: 19 nodes, 18 accepted links, every neighbour holding the other's config. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hanse.demo.enabled=true",
        "hanse.security.operator-key=demo-test-operator",
        "hanse.data-dir=target/demo-test-data",
        "spring.datasource.url=jdbc:h2:mem:hanse-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class DemoNetworkTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsTheFurnitureCluster() {
        Api api = new Api(port);
        List<Map<String, Object>> nodes = api.get("/api/v1/nodes", "demo-test-operator").at("items");
        assertThat(nodes).hasSize(19);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM link WHERE status = 'ACCEPTED'").query(Long.class).single()).isEqualTo(18);
        // The manufacturer is linked to 12 suppliers, the 3PL and 2 distributors, and holds all 15 configs.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM node_view WHERE viewer_id = 'loehne-moebelwerk'").query(Long.class).single() == 15);
        // A retailer sees only its distributor.
        assertThat(jdbc.sql("SELECT subject_id FROM node_view WHERE viewer_id = 'berlin-wohnstudio'").query(String.class).list())
                .containsExactly("nord-moebelhandel");
    }

    @Test
    void theKeyAndSignInFilesAreTheOwnersAlone() throws Exception {
        for (String file : new String[] {"demo-keys.txt", "demo-people.txt"}) {
            java.nio.file.Path path = java.nio.file.Path.of("target/demo-test-data", file);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(path))).as(file)
                    .isEqualTo("rw-------");
            assertThat(java.nio.file.Files.readAllLines(path)).hasSize(19);
        }
    }

    @Test
    void theManufacturersBuffersHaveEightWeeksOfHistory() {
        Api api = new Api(port);
        List<Map<String, Object>> buffers = api.get("/api/v1/nodes/loehne-moebelwerk/buffers", "demo-test-operator").at("items");
        Map<Object, Map<String, Object>> byMaterial = new java.util.HashMap<>();
        buffers.forEach(b -> byMaterial.put(b.get("material"), b));
        // Chipboard: 900 m² at about 60 a day, inside its interval; hinges: 150 for about 80 a day, depleted in
        // under 2 days, well before the 7-day default lead time: the warning is on; edge banding: far above B_hi.
        assertThat(byMaterial.get("4012345000016")).containsEntry("zone", "INSIDE").containsEntry("warning", false);
        assertThat(byMaterial.get("4012349000418")).containsEntry("warning", true);
        assertThat(byMaterial.get("4012354000915")).containsEntry("zone", "ABOVE");
        assertThat(((Number) byMaterial.get("4012349000418").get("onHand")).doubleValue()).isEqualTo(150);
        assertThat(((Map<?, ?>) byMaterial.get("4012349000418").get("demand")).get("days")).isEqualTo(56);
    }

    @Test
    void aDistributorsOrderForSideboardsIsNettedAgainstTheManufacturersStock() throws Exception {
        Api api = new Api(port);
        String key = java.nio.file.Files.readAllLines(java.nio.file.Path.of("target/demo-test-data/demo-keys.txt")).stream()
                .filter(l -> l.startsWith("nord-moebelhandel ")).findFirst().orElseThrow().split(" ")[1];
        String chipboard = "4012345000016";
        String hinges = "4012349000418";
        Map<Object, Map<String, Object>> buffers = new java.util.HashMap<>();
        api.get("/api/v1/nodes/loehne-moebelwerk/buffers", "demo-test-operator").<List<Map<String, Object>>>at("items")
                .forEach(b -> buffers.put(b.get("material"), b));
        // 300 sideboards need 960 m² of chipboard, 1200 hinges and 3600 m of edge banding (3.2, 4 and 12 per piece).
        // Net = gross − (on hand − safety stock) − open orders, in lots of 7 days of mean demand (the default lot).
        double boardsNet = lotUp(960 - free(buffers.get(chipboard)), 7 * mean(buffers.get(chipboard)));
        double hingesNet = lotUp(1200 - free(buffers.get(hinges)), 7 * mean(buffers.get(hinges)));
        // Due in six weeks: far enough for any weekday and the holiday calendar.
        java.time.Instant now = java.time.Instant.now();
        Api.Response placed = api.postJson("/api/v1/orders", key, Map.of("id", "demo-sb-1", "supplier", "loehne-moebelwerk",
                "lines", List.of(Map.of("material", "4012360002019", "quantity", "300", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(35)).toString(), "due", now.plus(Duration.ofDays(42)).toString()));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        List<Map<String, Object>> steps = api.get("/api/v1/orders/demo-sb-1/chain", key).at("steps");
        // 9000 m of edge banding on hand cover the 3600 m: no order to the edge-banding maker.
        assertThat(steps).extracting(s -> s.get("node"))
                .containsExactlyInAnyOrder("loehne-moebelwerk", "owl-spanplatten", "herford-beschlaege");
        Map<Object, Double> ordered = new java.util.HashMap<>();
        for (Map<String, Object> step : steps.subList(1, steps.size())) {
            Api.Response component = api.get("/api/v1/orders/" + step.get("order"), "demo-test-operator");
            ordered.put(component.at("lines.0.material"), component.<Number>at("lines.0.quantity").doubleValue());
        }
        assertThat(ordered.get(chipboard)).isCloseTo(boardsNet, org.assertj.core.api.Assertions.within(0.1));
        assertThat(ordered.get(hinges)).isCloseTo(hingesNet, org.assertj.core.api.Assertions.within(0.1));
    }

    /** Free stock above the safety stock (nothing allocated or on order yet in the demo). */
    private static double free(Map<String, Object> buffer) {
        return ((Number) buffer.get("onHand")).doubleValue() - ((Number) buffer.get("safetyStock")).doubleValue();
    }

    private static double mean(Map<String, Object> buffer) {
        return ((Number) ((Map<?, ?>) buffer.get("demand")).get("mean")).doubleValue();
    }

    private static double lotUp(double quantity, double lot) {
        return Math.ceil(quantity / lot) * lot;
    }

    @Test
    void theDistributorPromisesARetailersOrderFromItsStock() throws Exception {
        Api api = new Api(port);
        String key = java.nio.file.Files.readAllLines(java.nio.file.Path.of("target/demo-test-data/demo-keys.txt")).stream()
                .filter(l -> l.startsWith("berlin-wohnstudio ")).findFirst().orElseThrow().split(" ")[1];
        // The distributor declares no capacity; it holds 45 sideboards and 30 tables, so 10 and 5 are promised from stock.
        java.time.Instant now = java.time.Instant.now();
        Api.Response placed = api.postJson("/api/v1/orders", key, Map.of("id", "demo-retail-1", "supplier", "nord-moebelhandel",
                "lines", List.of(Map.of("material", "4012360002019", "quantity", "10", "unit", "H87"),
                        Map.of("material", "4012360002033", "quantity", "5", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(3)).toString(), "due", now.plus(Duration.ofDays(7)).toString()));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT material, quantity FROM stock_allocation WHERE order_id = 'demo-retail-1' ORDER BY material")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()).list())
                .containsExactly("4012360002019=10", "4012360002033=5");
    }
}
