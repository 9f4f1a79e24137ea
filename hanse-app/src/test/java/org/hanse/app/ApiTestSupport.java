package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hanse.app.messaging.Delivery;
import org.hanse.app.messaging.NodeEventPublished;
import org.hanse.app.network.Links;
import org.hanse.core.event.EventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Shared helpers of the API tests: a real HTTP client, unique node ids per test, registration, links and feeds. */
abstract class ApiTestSupport {


    static final String OPERATOR = "test-operator-key";
    static final String OPERATOR_PROPERTY = "hanse.security.operator-key=" + OPERATOR;
    static final String YAML = "application/yaml";
    static final String GTIN_BOARD = "06901234000122";
    static final String GTIN_VARNISH = "06901234000238";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Links links;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.hanse.app.ledger.LedgerAudit ledgerAudit;

    Api api;
    String run;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** The ledger audit's findings about this test's records (other tests may edit their own rows on purpose). */
    List<String> ledgerFindings() {
        return ledgerAudit.run().findings().stream().filter(f -> f.contains(run)).toList();
    }

    String id(String name) {
        return name + "-" + run;
    }

    static String config(String id, String name, String modules) {
        return """
                node:
                  id: %s
                  name: "%s"
                  roles: [manufacturer]
                  location: { lat: 30.27, lon: 120.15 }
                  gln: "0614141000005"
                modules: [%s]
                response-timeout: { wait: PT4H, retries: 2 }
                bom-mapping:
                  - local: OAK-BOARD-18
                    material: "%s"
                    unit: { local: sheet, code: C62, factor: 1 }
                  - local: VARNISH-5L
                    material: "%s"
                    unit: { local: can, code: LTR, factor: 5 }
                """.formatted(id, name, modules, GTIN_BOARD, GTIN_VARNISH);
    }

    /** Registers a node and returns its API key. */
    String register(String id, String modules) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, config(id, "Node " + id, modules));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    /** Registers buyer and supplier (with all modules unless given) and links them; returns their keys. */
    Map<String, String> linked(String buyer, String supplier) {
        String buyerKey = register(buyer, "order-sync, inventory-notify, exception-broadcast");
        String supplierKey = register(supplier, "order-sync, inventory-notify, exception-broadcast");
        link(buyer, buyerKey, supplier, supplierKey);
        return Map.of(buyer, buyerKey, supplier, supplierKey);
    }

    void link(String buyer, String buyerKey, String supplier, String supplierKey) {
        Api.Response requested = api.postJson("/api/v1/links", supplierKey,
                Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(GTIN_BOARD)));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        Api.Response accepted = api.post("/api/v1/links/" + requested.at("id") + "/accept", buyerKey, "application/json", "");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
    }

    List<Map<String, Object>> feed(String node, String key) {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = "0";
        while (true) {
            Api.Response page = api.get("/api/v1/nodes/" + node + "/events?after=" + after + "&limit=50", key);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            List<Map<String, Object>> batch = page.at("events");
            if (batch.isEmpty()) {
                return events;
            }
            events.addAll(batch);
            after = page.at("next");
        }
    }

    List<Map<String, Object>> awaitEvents(String node, String key, String type, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(feed(node, key), type).size() >= count);
        return ofType(feed(node, key), type);
    }

    static List<Map<String, Object>> ofType(List<Map<String, Object>> events, String type) {
        return events.stream().filter(e -> type.equals(e.get("type"))).toList();
    }

}
