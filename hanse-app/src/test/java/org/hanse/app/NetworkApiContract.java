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

/**
 * The network API over real HTTP against a real database; subclasses choose H2 or PostgreSQL. Every test
 * makes its own nodes (unique ids), so tests do not depend on each other or on order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY,
        "hanse.data-dir=target/test-data",
        "hanse.links.timeout-check=PT1H"})
abstract class NetworkApiContract extends ApiTestSupport {

    // --- registration ---

    @Test
    void registersANodeFromYamlAndShowsTheKeyOnce() {
        String node = id("oak");
        Api.Response r = api.post("/api/v1/nodes", null, YAML, config(node, "Oak Co.", "order-sync"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.<Integer>at("version")).isEqualTo(1);
        String key = r.at("apiKey");
        assertThat(key).startsWith("hk_").hasSizeGreaterThan(40);

        Api.Response read = api.get("/api/v1/nodes/" + node, key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.<String>at("config.node.name")).isEqualTo("Oak Co.");
        assertThat(read.<List<String>>at("config.modules")).containsExactly("order-sync");
        assertThat(read.<String>at("config.bom-mapping.1.unit.factor")).isEqualTo("5");

        // The key is stored hashed: the plain key is nowhere in the database.
        String stored = jdbc.sql("SELECT api_key_hash FROM node WHERE id = ?").param(node).query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(key);

        Api.Response again = api.post("/api/v1/nodes", null, YAML, config(node, "Oak Co.", "order-sync"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<Boolean>at("replay")).isTrue();
        assertThat(again.map()).doesNotContainKey("apiKey");
        assertThat(again.<Integer>at("version")).isEqualTo(1);

        Api.Response other = api.post("/api/v1/nodes", null, YAML, config(node, "Another Co.", "order-sync"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRegistrationWithAChangedCapacitySectionIsAConflictNotAReplay() {
        // Before, the capacity section was left out of the comparison: the changed file answered 200 {replay: true}
        // and its new capacity was silently dropped.
        String node = id("cap");
        String withCapacity = config(node, "Cap Co.", "order-sync")
                + "capacity:\n"
                + "  wip-max: 10\n"
                + "  resources: [ { id: press, hours-per-day: 8 } ]\n"
                + "  materials: [ { material: \"" + GTIN_BOARD + "\", resource: press, rate-per-hour: 10 } ]\n";
        Api.Response registered = api.post("/api/v1/nodes", null, YAML, withCapacity);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        Api.Response same = api.post("/api/v1/nodes", null, YAML, withCapacity);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.<Boolean>at("replay")).isTrue();
        Api.Response changed = api.post("/api/v1/nodes", null, YAML, withCapacity.replace("hours-per-day: 8", "hours-per-day: 16"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(409);
        assertThat(changed.<String>at("detail")).contains("PUT /api/v1/nodes/" + node + "/config");
        Api.Response without = api.post("/api/v1/nodes", null, YAML, config(node, "Cap Co.", "order-sync"));
        assertThat(without.status()).as("leaving the section out is a change too").isEqualTo(409);
    }

    @Test
    void registersFromJsonToo() {
        String node = id("json");
        String json = """
                {"node": {"id": "%s", "name": "Json GmbH", "roles": ["supplier"], "location": {"lat": 52.1, "lon": 8.6}},
                 "modules": [], "bom-mapping": []}""".formatted(node);
        Api.Response r = api.post("/api/v1/nodes", null, "application/json", json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(api.get("/api/v1/nodes/" + node, r.at("apiKey")).<String>at("config.response-timeout.wait")).isEqualTo("PT4H");
    }

    @Test
    void invalidConfigListsEveryProblemAndStoresNothing() {
        String node = id("bad");
        String yaml = config(node, "Bad Co.", "order-sync, telepathy").replace("\"" + GTIN_VARNISH + "\"", "\"06901234000239\"")
                .replace("code: C62", "code: KGS");
        Api.Response r = api.post("/api/v1/nodes", null, YAML, yaml);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.errors()).containsExactlyInAnyOrder(
                "modules[1]: unknown module 'telepathy'; expected one of order-sync, inventory-notify, exception-broadcast",
                "bom-mapping[0].unit.code: unknown UN/ECE Rec 20 unit 'KGS'",
                "bom-mapping[1].material: GTIN check digit should be 8");
        assertThat(api.get("/api/v1/nodes/" + node, OPERATOR).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM node_config_version WHERE node_id = ?").param(node).query(Long.class).single()).isZero();
    }

    @Test
    void malformedYamlIsAProblemWithItsLine() {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node:\n  id: [unclosed\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).singleElement().asString().startsWith(": not valid YAML (line ");
    }

    // --- security ---

    @Test
    void callsWithoutOrWithABadKeyAre401() {
        Api.Response none = api.get("/api/v1/nodes", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/nodes", "hk_not-a-key").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/units", null).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/nodes/x-node/config", null, YAML, "node: {}").status()).isEqualTo(401);
    }

    @Test
    void aNodeActsOnlyAsItself() {
        String a = id("alpha");
        String b = id("beta");
        String aKey = register(a, "order-sync");
        String bKey = register(b, "order-sync");

        assertThat(api.get("/api/v1/nodes/" + b, aKey).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + b + "/config/1", aKey).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/nodes/" + b + "/config", aKey, YAML, config(b, "Hijacked", "order-sync")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + b + "/events", aKey).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + b + "/views", aKey).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/nodes", aKey, YAML, config(id("gamma"), "Gamma", "")).status()).isEqualTo(403);
        Api.Response foreignLink = api.postJson("/api/v1/links", aKey, Map.of("buyer", b, "supplier", id("nobody"), "materials", List.of(GTIN_BOARD)));
        assertThat(foreignLink.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + b, bKey).<String>at("config.node.name")).isEqualTo("Node " + b);
        // The operator reads everything.
        assertThat(api.get("/api/v1/nodes/" + b, OPERATOR).status()).isEqualTo(200);
        // Nobody can write another node's config, even after linking.
        link(a, aKey, b, bKey);
        assertThat(api.get("/api/v1/nodes/" + b, aKey).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/nodes/" + b + "/config", aKey, YAML, config(b, "Hijacked", "order-sync")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + b, bKey).<String>at("config.node.name")).isEqualTo("Node " + b);
    }

    // --- adjacency ---

    @Test
    void linkRequestIsDecidedByTheCounterpartOnly() {
        String buyer = id("buyer");
        String supplier = id("supplier");
        String outsider = id("outsider");
        String buyerKey = register(buyer, "order-sync");
        String supplierKey = register(supplier, "order-sync");
        String outsiderKey = register(outsider, "order-sync");

        Map<String, Object> request = Map.of("id", "lk-" + run, "buyer", buyer, "supplier", supplier, "materials", List.of(GTIN_BOARD));
        Api.Response requested = api.postJson("/api/v1/links", supplierKey, request);
        assertThat(requested.status()).isEqualTo(201);
        assertThat(requested.<String>at("status")).isEqualTo("REQUESTED");
        assertThat(api.postJson("/api/v1/links", supplierKey, request).status()).as("same id, same content").isEqualTo(200);
        // To an outsider the link is as absent as one never requested (404, not 403): its id cannot be probed.
        assertThat(api.get("/api/v1/links/lk-" + run, outsiderKey).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/links/" + supplier + "@lk-" + run, outsiderKey).status()).isEqualTo(404);

        assertThat(api.post("/api/v1/links/lk-" + run + "/accept", supplierKey, "application/json", "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/links/lk-" + run + "/accept", outsiderKey, "application/json", "").status()).isEqualTo(404);
        // Nor can it be blocked: the outsider's own request under the same id is a link of its own.
        Api.Response same = api.postJson("/api/v1/links", outsiderKey, Map.of("id", "lk-" + run, "buyer", outsider, "supplier", supplier,
                "materials", List.of(GTIN_BOARD)));
        assertThat(same.status()).as(same.text()).isEqualTo(201);
        assertThat(same.<String>at("id")).isEqualTo("lk-" + run);
        assertThat(api.get("/api/v1/links/lk-" + run, outsiderKey).<String>at("buyer")).isEqualTo(outsider);
        assertThat(api.get("/api/v1/links/lk-" + run, supplierKey).<String>at("buyer")).isEqualTo(buyer);
        assertThat(api.get("/api/v1/links/" + outsider + "@lk-" + run, supplierKey).<String>at("buyer")).isEqualTo(outsider);
        assertThat(api.postJson("/api/v1/links", outsiderKey, Map.of("id", "lk-" + run, "buyer", outsider, "supplier", supplier,
                "materials", List.of(GTIN_BOARD), "transit", "PT5H")).status()).as("same id, other content").isEqualTo(409);
        assertThat(api.get("/api/v1/nodes/" + supplier, buyerKey).status()).as("not yet neighbours").isEqualTo(403);

        assertThat(awaitEvents(buyer, buyerKey, "LINK_REQUESTED", 1).get(0).get("sender")).isEqualTo(supplier);
        Api.Response accepted = api.post("/api/v1/links/lk-" + run + "/accept", buyerKey, "application/json", "");
        assertThat(accepted.<String>at("status")).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/links/lk-" + run + "/accept", buyerKey, "application/json", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/links/lk-" + run + "/decline", buyerKey, "application/json", "").status()).isEqualTo(409);

        // Each side receives the other's config; the outsider receives nothing.
        Map<String, Object> toSupplier = awaitEvents(supplier, supplierKey, "LINK_ACCEPTED", 1).get(0);
        assertThat(((Map<?, ?>) toSupplier.get("payload")).get("counterpart")).isEqualTo(buyer);
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) toSupplier.get("payload")).get("config")).get("node")).get("name")).isEqualTo("Node " + buyer);
        assertThat(awaitEvents(buyer, buyerKey, "LINK_ACCEPTED", 1)).hasSize(1);
        assertThat(feed(outsider, outsiderKey)).isEmpty();
        assertThat(api.get("/api/v1/nodes/" + supplier, buyerKey).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/v1/nodes/" + buyer + "/views", buyerKey).<List<?>>at("items").size() == 1);
    }

    @Test
    void badLinkRequestsAreRejectedWithPaths() {
        String node = id("lonely");
        String key = register(node, "order-sync");
        Api.Response r = api.postJson("/api/v1/links", key, Map.of("buyer", node, "supplier", node,
                "materials", List.of("4006381333932", "HNS-NOT-THERE")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).containsExactlyInAnyOrder(
                "supplier: must differ from the buyer",
                "materials[0]: GTIN check digit should be 1",
                "materials[1]: platform code 'HNS-NOT-THERE' is not in the dictionary");
        Api.Response unknown = api.postJson("/api/v1/links", key, Map.of("buyer", node, "supplier", id("ghost"), "materials", List.of(GTIN_BOARD)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errors()).containsExactly("supplier: node '" + id("ghost") + "' is not registered");
        assertThat(api.get("/api/v1/links", key).<List<?>>at("items")).isEmpty();
    }

    @Test
    void unansweredLinkRequestTimesOutAfterWaitTimesRetriesPlusOne() {
        String buyer = id("slowbuyer");
        String supplier = id("eager");
        register(buyer, "order-sync");
        String supplierKey = register(supplier, "order-sync");
        Api.Response requested = api.postJson("/api/v1/links", supplierKey,
                Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(GTIN_BOARD)));
        Instant sent = Instant.parse(requested.at("requestedAt"));

        // The buyer's timeout is PT4H with 2 retries: silent for 12 h.
        links.expireUnanswered(sent.plus(Duration.ofHours(12)).minusSeconds(1));
        assertThat(api.get("/api/v1/links/" + requested.at("id"), supplierKey).<String>at("status")).isEqualTo("REQUESTED");
        links.expireUnanswered(sent.plus(Duration.ofHours(12)));
        assertThat(api.get("/api/v1/links/" + requested.at("id"), supplierKey).<String>at("status")).isEqualTo("TIMED_OUT");
        Map<String, Object> timeout = awaitEvents(supplier, supplierKey, "RESPONSE_TIMED_OUT", 1).get(0);
        assertThat(((Map<?, ?>) timeout.get("payload")).get("silenceLimit")).isEqualTo("PT12H");
        assertThat(((Map<?, ?>) timeout.get("payload")).get("silentNode")).isEqualTo(buyer);
    }

    // --- config changes ---

    @Test
    void configChangeSendsOnlyTheChangedFieldsToNeighbours() {
        String buyer = id("m");
        String supplier = id("s");
        String stranger = id("x");
        Map<String, String> keys = linked(buyer, supplier);
        String strangerKey = register(stranger, "order-sync");

        Api.Response updated = api.put("/api/v1/nodes/" + supplier + "/config", keys.get(supplier), YAML,
                config(supplier, "Renamed Supplier", "order-sync, inventory-notify, exception-broadcast"));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.<Integer>at("version")).isEqualTo(2);

        Map<String, Object> change = awaitEvents(buyer, keys.get(buyer), "CONFIG_CHANGED", 1).get(0);
        assertThat(change.get("payload")).isEqualTo(Map.of("node", supplier, "fromVersion", 1, "toVersion", 2,
                "patch", Map.of("node", Map.of("name", "Renamed Supplier"))));
        assertThat(feed(stranger, strangerKey)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> viewOf(buyer, keys.get(buyer), supplier).get("version").equals(2));
        assertThat(((Map<?, ?>) ((Map<?, ?>) viewOf(buyer, keys.get(buyer), supplier).get("config")).get("node")).get("name"))
                .isEqualTo("Renamed Supplier");

        // The same file again is no change: no new version, no event.
        Api.Response same = api.put("/api/v1/nodes/" + supplier + "/config", keys.get(supplier), YAML,
                config(supplier, "Renamed Supplier", "order-sync, inventory-notify, exception-broadcast"));
        assertThat(same.<Boolean>at("changed")).isFalse();
        assertThat(same.<Integer>at("version")).isEqualTo(2);
        // Earlier versions stay readable for catch-up.
        assertThat(api.get("/api/v1/nodes/" + supplier + "/config/1", keys.get(buyer)).<String>at("node.name")).isEqualTo("Node " + supplier);

        Api.Response renamed = api.put("/api/v1/nodes/" + supplier + "/config", keys.get(supplier), YAML,
                config(id("other"), "Renamed Supplier", "order-sync"));
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.errors()).containsExactly("node.id: must stay '" + supplier + "': a node's id cannot change");
    }

    @Test
    void aViewThatFellBehindTakesTheFullSnapshot() {
        String buyer = id("mb");
        String supplier = id("sb");
        Map<String, String> keys = linked(buyer, supplier);
        await().atMost(Duration.ofSeconds(20)).until(() -> viewOf(buyer, keys.get(buyer), supplier) != null);
        api.put("/api/v1/nodes/" + supplier + "/config", keys.get(supplier), YAML, config(supplier, "Second", "order-sync"));
        await().atMost(Duration.ofSeconds(20)).until(() -> viewOf(buyer, keys.get(buyer), supplier).get("version").equals(2));

        // The buyer's copy is lost back to version 1 (say, restored from an old backup) ...
        jdbc.sql("UPDATE node_view SET version = 1 WHERE viewer_id = ? AND subject_id = ?").params(buyer, supplier).update();
        // ... so the patch 2 → 3 does not fit it, and the full snapshot at version 3 is taken instead.
        api.put("/api/v1/nodes/" + supplier + "/config", keys.get(supplier), YAML, config(supplier, "Third", "order-sync, exception-broadcast"));
        await().atMost(Duration.ofSeconds(20)).until(() -> viewOf(buyer, keys.get(buyer), supplier).get("version").equals(3));
        Map<?, ?> view = (Map<?, ?>) viewOf(buyer, keys.get(buyer), supplier).get("config");
        assertThat(((Map<?, ?>) view.get("node")).get("name")).isEqualTo("Third");
        assertThat(view.get("modules")).isEqualTo(List.of("order-sync", "exception-broadcast"));
    }

    Map<String, Object> viewOf(String viewer, String key, String subject) {
        List<Map<String, Object>> items = api.get("/api/v1/nodes/" + viewer + "/views", key).at("items");
        return items.stream().filter(v -> subject.equals(v.get("node"))).findFirst().orElse(null);
    }

    // --- event feed ---

    @Test
    void eventIdsArePerSenderSoAnotherSendersIdIsNeitherTakenNorConflicting() {
        String buyer = id("eb");
        String supplier = id("es");
        Map<String, String> keys = linked(buyer, supplier);
        awaitEvents(buyer, keys.get(buyer), "LINK_ACCEPTED", 1);
        Map<String, Object> note = Map.of("id", "ev-" + run, "type", "PARTNER_NOTE", "recipients", List.of(buyer), "payload", Map.of("n", 1));
        assertThat(api.postJson("/api/v1/events", keys.get(supplier), note).status()).isEqualTo(202);
        assertThat(api.postJson("/api/v1/events", keys.get(supplier), note).<Boolean>at("replay")).isTrue();
        assertThat(api.postJson("/api/v1/events", keys.get(supplier), Map.of("id", "ev-" + run, "type", "PARTNER_NOTE",
                "recipients", List.of(buyer), "payload", Map.of("n", 2))).status()).isEqualTo(409);
        // The buyer's own event under the same id is new (202), not a conflict with the supplier's.
        Api.Response own = api.postJson("/api/v1/events", keys.get(buyer), Map.of("id", "ev-" + run, "type", "PARTNER_NOTE",
                "recipients", List.of(supplier), "payload", Map.of("n", 3)));
        assertThat(own.status()).as(own.text()).isEqualTo(202);
        assertThat(own.<String>at("id")).isEqualTo("ev-" + run);
        assertThat(own.<Boolean>at("replay")).isFalse();
        List<Map<String, Object>> got = awaitEvents(supplier, keys.get(supplier), "PARTNER_NOTE", 1);
        assertThat(got.get(0).get("id")).isEqualTo(buyer + "@ev-" + run);
        assertThat(((Map<?, ?>) got.get(0).get("payload")).get("n")).isEqualTo(3);
        assertThat(((Map<?, ?>) awaitEvents(buyer, keys.get(buyer), "PARTNER_NOTE", 1).get(0).get("payload")).get("n")).isEqualTo(1);
    }

    @Test
    void feedIsOrderedAndCursored() {
        String buyer = id("fb");
        String supplier = id("fs");
        Map<String, String> keys = linked(buyer, supplier);
        awaitEvents(buyer, keys.get(buyer), "LINK_ACCEPTED", 1);
        for (int i = 1; i <= 5; i++) {
            Api.Response sent = api.postJson("/api/v1/events", keys.get(supplier), Map.of("id", "note-" + run + "-" + i,
                    "type", "PARTNER_NOTE", "recipients", List.of(buyer), "payload", Map.of("n", i)));
            assertThat(sent.status()).as(sent.text()).isEqualTo(202);
            // Deliveries are asynchronous: wait for each so their order in the feed is the sending order.
            awaitEvents(buyer, keys.get(buyer), "PARTNER_NOTE", i);
        }
        List<Object> seen = new ArrayList<>();
        String after = "0";
        int pages = 0;
        while (true) {
            Api.Response page = api.get("/api/v1/nodes/" + buyer + "/events?after=" + after + "&limit=2", keys.get(buyer));
            List<Map<String, Object>> events = page.at("events");
            assertThat(events.size()).isLessThanOrEqualTo(2);
            if (events.isEmpty()) {
                assertThat(page.<String>at("next")).isEqualTo(after);
                break;
            }
            pages++;
            for (Map<String, Object> e : events) {
                assertThat(Long.parseLong((String) e.get("cursor"))).isGreaterThan(Long.parseLong(after));
                if ("PARTNER_NOTE".equals(e.get("type"))) {
                    seen.add(((Map<?, ?>) e.get("payload")).get("n"));
                }
            }
            after = page.at("next");
        }
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(pages).isEqualTo(4); // LINK_REQUESTED, LINK_ACCEPTED and 5 notes: 7 events in pages of 2
        assertThat(api.get("/api/v1/nodes/" + buyer + "/events?after=abc", keys.get(buyer)).errors())
                .containsExactly("after: must be a cursor returned as 'next' by this feed");
        assertThat(api.get("/api/v1/nodes/" + buyer + "/events?limit=0", keys.get(buyer)).errors())
                .containsExactly("limit: must be a whole number from 1 to 500");
    }

    @Test
    void duplicateEventsChangeNothing() {
        String buyer = id("db");
        String supplier = id("ds");
        Map<String, String> keys = linked(buyer, supplier);
        Map<String, Object> note = Map.of("id", "dup-" + run, "type", "PARTNER_NOTE", "recipients", List.of(buyer),
                "payload", Map.of("text", "truck leaves at 6"));
        assertThat(api.postJson("/api/v1/events", keys.get(supplier), note).status()).isEqualTo(202);
        Api.Response again = api.postJson("/api/v1/events", keys.get(supplier), note);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<Boolean>at("replay")).isTrue();
        awaitEvents(buyer, keys.get(buyer), "PARTNER_NOTE", 1);

        // The outbox delivers the same event again (as after a crash before completion): still one inbox entry.
        transactions.executeWithoutResult(s -> publisher.publishEvent(
                new NodeEventPublished("dup-" + run, EventType.PARTNER_NOTE, supplier, List.of(buyer), Delivery.REAL_TIME)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(ofType(feed(buyer, keys.get(buyer)), "PARTNER_NOTE")).hasSize(1);

        Api.Response changed = api.postJson("/api/v1/events", keys.get(supplier), Map.of("id", "dup-" + run,
                "type", "PARTNER_NOTE", "recipients", List.of(buyer), "payload", Map.of("text", "truck leaves at 7")));
        assertThat(changed.status()).isEqualTo(409);
    }

    @Test
    void eventsGoOnlyToAcceptedNeighbours() {
        String buyer = id("nb");
        String supplier = id("ns");
        String stranger = id("nx");
        Map<String, String> keys = linked(buyer, supplier);
        register(stranger, "order-sync");
        Api.Response r = api.postJson("/api/v1/events", keys.get(supplier), Map.of("id", "n-" + run, "type", "PARTNER_NOTE",
                "recipients", List.of(stranger), "payload", Map.of()));
        assertThat(r.status()).isEqualTo(403);
        Api.Response bad = api.postJson("/api/v1/events", keys.get(supplier), Map.of("type", "CONFIG_CHANGED", "recipients", List.of()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).hasSize(3);
    }

    @Test
    void neighbourPublishesExceptionsForANodeWithoutExceptionBroadcast() {
        String maker = id("pm");
        String quiet = id("pq");
        String other = id("po");
        String makerKey = register(maker, "order-sync, inventory-notify, exception-broadcast");
        String quietKey = register(quiet, "order-sync");
        String otherKey = register(other, "order-sync, exception-broadcast");
        link(maker, makerKey, quiet, quietKey);
        link(other, otherKey, quiet, quietKey);

        // (DELIVERY_MISSED is checked against an overdue order: EvidenceApiContract; a time-out report shows the proxy rules.)
        Api.Response proxied = api.postJson("/api/v1/events", makerKey, Map.of("id", "px-" + run, "type", "RESPONSE_TIMED_OUT",
                "about", quiet, "payload", Map.of("material", GTIN_BOARD, "due", "2026-11-20")));
        assertThat(proxied.status()).as(proxied.text()).isEqualTo(202);
        assertThat(proxied.<List<String>>at("recipients")).containsExactly(other);
        Map<String, Object> received = awaitEvents(other, otherKey, "RESPONSE_TIMED_OUT", 1).get(0);
        assertThat(received).containsEntry("proxy", true).containsEntry("proxyBy", maker).containsEntry("about", quiet);

        // A node with order-sync reports its own order status: no proxy for it.
        Api.Response refused = api.postJson("/api/v1/events", makerKey, Map.of("id", "py-" + run, "type", "ORDER_STATUS",
                "about", quiet, "payload", Map.of()));
        assertThat(refused.status()).isEqualTo(403);
        // Only a neighbour may speak about a node.
        Api.Response stranger = api.postJson("/api/v1/events", makerKey, Map.of("id", "pz-" + run, "type", "RESPONSE_TIMED_OUT",
                "about", other, "payload", Map.of()));
        assertThat(stranger.status()).isEqualTo(403);
    }

    @Test
    void streamSendsTheBacklogThenLiveEvents() throws Exception {
        String buyer = id("sb");
        String supplier = id("ss");
        Map<String, String> keys = linked(buyer, supplier);
        awaitEvents(buyer, keys.get(buyer), "LINK_ACCEPTED", 1);

        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/nodes/" + buyer + "/events/stream"))
                .header("Authorization", "Bearer " + keys.get(buyer)).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = api.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.put(line);
                }
            } catch (Exception ignored) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();

        assertThat(nextData(lines, "\"type\":\"LINK_REQUESTED\"")).contains("\"cursor\":");
        assertThat(nextData(lines, "\"type\":\"LINK_ACCEPTED\"")).contains("\"sender\":\"" + supplier + "\"");
        api.postJson("/api/v1/events", keys.get(supplier), Map.of("id", "live-" + run, "type", "PARTNER_NOTE",
                "recipients", List.of(buyer), "payload", Map.of("text", "live")));
        assertThat(nextData(lines, "\"id\":\"live-" + run + "\"")).contains("\"payload\":{\"text\":\"live\"}");
        response.body().close();
    }

    /** The next data line; it must contain {@code expected} (events arrive in feed order, so nothing is skipped). */
    private static String nextData(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("data:")) {
                assertThat(line).contains(expected);
                return line;
            }
        }
        throw new AssertionError("no event arrived on the stream");
    }

    // --- dictionary and platform endpoints ---

    @Test
    void dictionaryConvertsWithinADimensionOnly() {
        Api.Response ok = api.postJson("/api/v1/units/convert", OPERATOR, Map.of("quantity", "2.5", "from", "TNE", "to", "KGM"));
        assertThat(ok.map()).isEqualTo(Map.of("quantity", "2500", "unit", "KGM"));
        Api.Response wrong = api.postJson("/api/v1/units/convert", OPERATOR, Map.of("quantity", "1", "from", "KGM", "to", "LTR"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errors()).containsExactly("to: cannot convert KGM (mass) to LTR (volume)");
        Api.Response bad = api.postJson("/api/v1/units/convert", OPERATOR, Map.of("quantity", "lots", "from", "XYZ", "to", "KGM"));
        assertThat(bad.errors()).hasSize(2);
        assertThat((List<?>) api.get("/api/v1/units", OPERATOR).body()).hasSize(23);
        assertThat(api.get("/api/v1/materials/4006381333931", OPERATOR).<String>at("gtin14")).isEqualTo("04006381333931");
        assertThat(api.get("/api/v1/materials/4006381333932", OPERATOR).errors()).containsExactly("code: GTIN check digit should be 1");
    }

    @Test
    void platformCodesAreCreatedOnceAndUsableInConfigs() {
        String code = "HNS-OAK-" + run.toUpperCase();
        Map<String, Object> material = Map.of("code", code, "name", "Oak offcuts, mixed", "unit", "KGM");
        assertThat(api.postJson("/api/v1/materials", OPERATOR, material).status()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/materials", OPERATOR, material).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/materials", OPERATOR, Map.of("code", code, "name", "Other", "unit", "KGM")).status()).isEqualTo(409);
        String node = id("offcuts");
        Api.Response r = api.post("/api/v1/nodes", null, YAML, config(node, "Offcuts", "").replace("\"" + GTIN_VARNISH + "\"", code));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @Test
    void platformEndpointsAnswer() {
        assertThat(api.get("/actuator/health", null).<String>at("status")).isEqualTo("UP");
        assertThat(api.get("/v3/api-docs", null).<Map<String, Object>>at("paths")).containsKey("/api/v1/nodes");
        assertThat(api.get("/actuator/prometheus", OPERATOR).text()).contains("jvm_memory_used_bytes");
        Api.Response unknown = api.get("/api/v1/nowhere", OPERATOR);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Api.Response wrongMethod = api.put("/api/v1/units", OPERATOR, "application/json", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }
}
