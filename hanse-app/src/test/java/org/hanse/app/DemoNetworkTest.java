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
}
