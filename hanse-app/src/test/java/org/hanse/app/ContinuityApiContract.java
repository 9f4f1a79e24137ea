package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Exits and substitution over real HTTP: announced and unannounced exits, backup lists, the contract net under contention. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H",
        "hanse.continuity.check-every=PT1H", "hanse.continuity.backup-refresh=PT1H"})
@Import(MutableClock.Config.class)
abstract class ContinuityApiContract extends ApiTestSupport {

    static final String BOARD = "4012345000993";
    static final String SIDEBOARD = "4012360007779";
    static final String CHIPBOARD = "4012345001884";
    /** Each test trades its own material, so one test's nodes are never another's candidates. */
    static final String PANEL = "4012345002775";
    static final String VENEER = "4012345003666";
    static final String PLANK = "4012345005448";
    static final String SLAT = "4012345007213";
    static final String DOWEL = "4012345008128";
    static final String CABINET = "4012360009117";

    @Autowired
    MutableClock clock;

    String register(String id, double lat, double lon, String materials, String capacity) {
        StringBuilder yaml = new StringBuilder("node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], location: { lat: " + lat
                + ", lon: " + lon + " } }\nmodules: [order-sync, inventory-notify, exception-broadcast]\nresponse-timeout: { wait: PT4H, retries: 2 }\nbom-mapping:\n");
        for (String m : materials.split(",")) {
            yaml.append("  - { local: L").append(m.trim().substring(9)).append(", material: \"").append(m.trim()).append("\", unit: { local: piece, code: H87, factor: 1 } }\n");
        }
        if (capacity != null) {
            yaml.append(capacity);
        }
        Api.Response r = api.post("/api/v1/nodes", null, YAML, yaml.toString());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    static String capacity(String material, String equipment, String width, String bom) {
        return """
                capacity:
                  wip-max: 100
                  calendar: { days-off: [] }
                  resources: [ { id: r, hours-per-day: 10, equipment: [%s], parameters: { width-mm: [%s] } } ]
                  materials: [ { material: "%s", resource: r, rate-per-hour: 10 } ]
                """.formatted(equipment, width, material) + (bom == null ? "" : bom);
    }

    void link(String buyer, String buyerKey, String supplier, String supplierKey, String material) {
        Api.Response requested = api.postJson("/api/v1/links", buyerKey, Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(material)));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/links/" + requested.at("id") + "/accept", supplierKey, "application/json", "").status()).isEqualTo(200);
    }

    Api.Response order(String key, String id, String supplier, String material, String quantity, Instant earliest, Instant due) {
        return api.postJson("/api/v1/orders", key, Map.of("id", id, "supplier", supplier,
                "lines", List.of(Map.of("material", material, "quantity", quantity, "unit", "H87")), "earliest", earliest.toString(), "due", due.toString()));
    }

    @Test
    void twentyCandidatesAcceptAtOnceAndExactlyOneWins() throws Exception {
        String b = id("cb");
        String s = id("cs");
        String bKey = register(b, -40, 170, BOARD, null);
        String sKey = register(s, -40, 170, BOARD, capacity(BOARD, "saw", "0, 1000", null));
        link(b, bKey, s, sKey, BOARD);
        Instant now = clock.instant();
        assertThat(order(bKey, "co-" + run, s, BOARD, "40", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(6))).<String>at("status")).isEqualTo("CONFIRMED");
        List<String> candidates = new ArrayList<>();
        Map<String, String> keys = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            String c = id("cc" + i);
            keys.put(c, register(c, -40 + i * 0.01, 170, BOARD, capacity(BOARD, "saw", "0, 1000", null)));
            assertThat(api.put("/api/v1/nodes/" + c + "/substitution-settings", keys.get(c), "application/json", "{\"decide\": \"MANUAL\"}").status())
                    .isEqualTo(200);
            assertThat(verify(c).status()).isEqualTo(200);
            candidates.add(c);
        }
        // Planned exit in 30 days, a fifth of the capacity meanwhile: one order to S so far, so the pair's cycle is the
        // default 7 days and 30 days ahead is ≥ 3 cycles: PLANNED.
        Api.Response exit = api.postJson("/api/v1/nodes/" + s + "/exit", sKey, Map.of("type", "CLOSURE", "exitAt", now.plus(Duration.ofDays(30)).toString(),
                "remainingCapacity", List.of(Map.of("from", now.toString().substring(0, 10), "share", 0.2)), "reason", "retirement"));
        assertThat(exit.status()).as(exit.text()).isEqualTo(201);
        assertThat(exit.<List<Map<String, Object>>>at("pairs")).extracting(p -> p.get("kind")).containsExactly("PLANNED");
        assertThat(awaitEvents(b, bKey, "EXIT_INTENTION", 1).get(0)).extracting(e -> ((Map<?, ?>) e.get("payload")).get("kind")).isEqualTo("PLANNED");
        // New orders are capped: 10 h × 10/h = 100 a day, a fifth of it is 20 a day: 400 in 10 days no longer fit, 100 do.
        assertThat(order(bKey, "big-" + run, s, BOARD, "400", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))).<String>at("status"))
                .isEqualTo("REJECTED");
        assertThat(order(bKey, "small-" + run, s, BOARD, "100", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))).<String>at("status"))
                .isEqualTo("CONFIRMED");

        Api.Response list = api.get("/api/v1/substitutions", bKey);
        List<Map<String, Object>> mine = list.at("items");
        assertThat(mine).hasSize(1);
        String sub = (String) mine.get(0).get("id");
        assertThat(mine.get(0).get("status")).isEqualTo("OPEN");
        assertThat((List<?>) mine.get(0).get("offers")).hasSize(20);
        assertThat(api.get("/api/v1/substitutions/" + sub, keys.get(candidates.get(3))).<List<?>>at("offers")).as("a candidate sees its own offer").hasSize(1);
        assertThat(api.get("/api/v1/substitutions/" + sub, register(id("stranger"), 0, 0, BOARD, null)).status()).isEqualTo(403);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (String c : candidates) {
            answers.add(pool.submit(() -> {
                go.await();
                return api.post("/api/v1/substitutions/" + sub + "/accept", keys.get(c), "application/json", "");
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> a : answers) {
            statuses.add(a.get().status());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(x -> x == 200).count()).as(statuses.toString()).isEqualTo(1);
        assertThat(statuses.stream().filter(x -> x == 409).count()).isEqualTo(19);
        Api.Response done = api.get("/api/v1/substitutions/" + sub, OPERATOR);
        String winner = done.at("winner");
        assertThat(done.<String>at("status")).isEqualTo("WON");
        List<Map<String, Object>> offers = done.at("offers");
        assertThat(offers.stream().filter(o -> "ACCEPTED".equals(o.get("status"))).count()).isEqualTo(1);
        assertThat(offers.stream().filter(o -> "CANCELLED".equals(o.get("status"))).count()).isEqualTo(19);
        // The open orders moved once: the two to S are withdrawn, exactly one replacement each, all with the winner.
        assertThat(jdbc.sql("SELECT status FROM purchase_order WHERE id IN (?, ?)").params("co-" + run, "small-" + run).query(String.class).list())
                .containsOnly("WITHDRAWN");
        assertThat(jdbc.sql("SELECT supplier_id FROM purchase_order WHERE buyer_id = ? AND id LIKE '%-s%'").param(b).query(String.class).list())
                .containsExactly(winner, winner);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_log WHERE type = 'SUBSTITUTION_CANCELLED' AND payload LIKE ?").param("%" + sub + "%")
                .query(Long.class).single()).isEqualTo(19);
        String loser = candidates.stream().filter(c -> !c.equals(winner)).findFirst().orElseThrow();
        Api.Response late = api.post("/api/v1/substitutions/" + sub + "/accept", keys.get(loser), "application/json", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.<String>at("detail")).startsWith("thank you, " + loser).contains("taken by " + winner);
        assertThat(awaitEvents(loser, keys.get(loser), "SUBSTITUTION_CANCELLED", 1)).hasSize(1);
        assertThat(awaitEvents(b, bKey, "SUBSTITUTION_WON", 1)).hasSize(1);
        // The buyer trusted S fully (no deliveries yet) and the winner has the same equipment and ranges: δ = 1.
        Api.Response inherited = api.get("/api/v1/trust/" + b + "/" + winner, bKey);
        assertThat(inherited.<Number>at("trust").doubleValue()).isEqualTo(1.0);
        assertThat(inherited.<Number>at("inherited.value").doubleValue()).isEqualTo(1.0);
        assertThat(inherited.<String>at("inherited.cause")).contains(sub);
        // The exit and the won substitution are ledger entries, intact.
        assertThat(exit.<Object>at("ledger")).isNotNull();
        assertThat(done.<Object>at("ledger")).isNotNull();
        assertThat(ledgerFindings()).isEmpty();
    }

    @Test
    void aMidTierSupplierThatFallsSilentIsDetectedAndABackupTakesItsOrders() {
        // Retailer R buys sideboards from manufacturer M, who needs two chipboards each from S. B2 could make them too.
        String r = id("tr");
        String m = id("tm");
        String b2 = id("tb");
        String s = id("tsu");
        String bom = """
                  auto-place-components: true
                  bom:
                    - material: "%s"
                      processing-time: PT24H
                      components: [ { material: "%s", quantity: 2, supplier: %s } ]
                """.formatted(SIDEBOARD, CHIPBOARD, s);
        String sKey = register(s, 35.0, 139.0, CHIPBOARD, capacity(CHIPBOARD, "press", "0, 2000", null));
        String rKey = register(r, 35.1, 139.1, SIDEBOARD, null);
        String mKey = register(m, 35.1, 139.2, SIDEBOARD + "," + CHIPBOARD, capacity(SIDEBOARD, "kal-210, festool", "0, 1200", bom));
        String b2Key = register(b2, 35.12, 139.2, SIDEBOARD + "," + CHIPBOARD, capacity(SIDEBOARD, "kal-210, festool", "0, 1200", bom));
        assertThat(verify(b2).<Boolean>at("verified")).isTrue();
        link(r, rKey, m, mKey, SIDEBOARD);
        link(m, mKey, s, sKey, CHIPBOARD);
        link(b2, b2Key, s, sKey, CHIPBOARD);
        Instant t0 = clock.instant();
        Api.Response soon = order(rKey, "soon-" + run, m, SIDEBOARD, "10", t0.plus(Duration.ofDays(2)), t0.plus(Duration.ofDays(3)));
        Api.Response later = order(rKey, "later-" + run, m, SIDEBOARD, "10", t0.plus(Duration.ofDays(15)), t0.plus(Duration.ofDays(20)));
        assertThat(soon.<String>at("status")).as(soon.text()).isEqualTo("CONFIRMED");
        assertThat(later.<String>at("status")).as(later.text()).isEqualTo("CONFIRMED");
        Map<String, Object> backups = api.get("/api/v1/nodes/" + r + "/backups?supplier=" + m + "&material=" + SIDEBOARD, rKey).map();
        assertThat(((List<Map<String, Object>>) backups.get("candidates")).get(0).get("node")).isEqualTo(b2);

        // Four days on: the first order is overdue and undelivered, M has not been heard from since; S has (it polls).
        // (Wait for M's inbox first: a delivery after the clock jump would look four days late and lengthen its timeout.)
        awaitEvents(m, mKey, "ORDER_PLACED", 2);
        awaitEvents(s, sKey, "ORDER_PLACED", 2);
        clock.advance(Duration.ofDays(4));
        assertThat(api.get("/api/v1/nodes/" + s + "/events?limit=1", sKey).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/exits/check", rKey, Map.of()).status()).isEqualTo(403);
        Api.Response check = api.postJson("/api/v1/exits/check", OPERATOR, Map.of());
        // (The database may hold other tests' silent suppliers too; of this network only M is detected.)
        assertThat(check.<List<String>>at("detected")).contains(m).doesNotContain(s, r, b2);
        assertThat(api.get("/api/v1/nodes/" + m + "/exit", rKey).<String>at("status")).isEqualTo("DETECTED");
        assertThat(awaitEvents(r, rKey, "EXIT_DETECTED", 1)).hasSize(1);

        // B2 declares capacity and decides by its capacity rule: it takes over at once.
        List<Map<String, Object>> subs = api.get("/api/v1/substitutions", rKey).at("items");
        assertThat(subs).hasSize(1);
        Map<String, Object> sub = subs.get(0);
        assertThat(sub.get("cause")).isEqualTo("UNANNOUNCED_EXIT");
        assertThat(sub.get("status")).isEqualTo("WON");
        assertThat(sub.get("winner")).isEqualTo(b2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> moved = (List<Map<String, Object>>) ((Map<String, Object>) sub.get("outcome")).get("orders");
        Map<String, String> replacementStatus = new java.util.HashMap<>();
        moved.forEach(x -> replacementStatus.put((String) x.get("order"), (String) x.get("status")));
        // The overdue order cannot be made in a day any more (24 h processing, then transit): flagged at risk with the reason.
        assertThat(replacementStatus).containsEntry("soon-" + run, "REJECTED").containsEntry("later-" + run, "CONFIRMED");
        List<Map<String, Object>> risk = awaitEvents(r, rKey, "DUE_DATE_AT_RISK", 1);
        assertThat(String.valueOf(((Map<?, ?>) risk.get(0).get("payload")).get("reason"))).contains(m + " left").contains(b2);
        // The later order is re-derived through B2 and its board supplier S.
        Api.Response chain = api.get("/api/v1/orders/later-" + run + "-s/chain", rKey);
        assertThat(chain.<Boolean>at("feasible")).isTrue();
        assertThat(chain.<List<Map<String, Object>>>at("steps")).extracting(x -> x.get("node")).containsExactly(b2, s);
        assertThat(api.get("/api/v1/orders/later-" + run, rKey).<String>at("status")).isEqualTo("WITHDRAWN");
        // Links rewired: R–B2 accepted, R–M ended.
        assertThat(jdbc.sql("SELECT status FROM link WHERE buyer_id = ? AND supplier_id = ?").params(r, b2).query(String.class).list()).containsExactly("ACCEPTED");
        assertThat(jdbc.sql("SELECT status FROM link WHERE buyer_id = ? AND supplier_id = ?").params(r, m).query(String.class).list()).containsExactly("ENDED");
        assertThat(awaitEvents(r, rKey, "LINK_ENDED", 1)).hasSize(1);
        // M is no longer R's supplier: a new order to it is refused.
        Api.Response after = order(rKey, "after-" + run, m, SIDEBOARD, "1", clock.instant().plus(Duration.ofDays(10)), clock.instant().plus(Duration.ofDays(12)));
        assertThat(after.status()).isEqualTo(400);
        assertThat(after.errors()).anyMatch(e -> e.startsWith("supplier: "));
    }

    /** The operator vouches for a node (the default policy lets only trusted or verified nodes stand in for a supplier). */
    Api.Response verify(String node) {
        return api.put("/api/v1/nodes/" + node + "/verification", OPERATOR, "application/json", "{\"verified\": true}");
    }

    @Test
    void aCopycatOfTheLeavingSupplierDoesNotTakeItsBuyer() {
        String b = id("kb");
        String s = id("ks");
        String k = id("kk");
        String v = id("kv");
        String bKey = register(b, 60.0, 25.0, SLAT, null);
        String sKey = register(s, 60.0, 25.0, SLAT, capacity(SLAT, "lathe-7", "0, 300", null));
        link(b, bKey, s, sKey, SLAT);
        Instant now = clock.instant();
        assertThat(order(bKey, "ko-" + run, s, SLAT, "30", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(8))).<String>at("status")).isEqualTo("CONFIRMED");
        // K self-registers with S's location, bom-mapping and capacity declaration: a perfect score, but nobody vouches for it.
        String kKey = register(k, 60.0, 25.0, SLAT, capacity(SLAT, "lathe-7", "0, 300", null));
        // V makes slats 20 km away and the operator has verified it.
        register(v, 60.18, 25.0, SLAT, capacity(SLAT, "lathe-7", "0, 300", null));
        verify(v);
        Api.Response exit = api.postJson("/api/v1/nodes/" + s + "/exit", sKey, Map.of("type", "CLOSURE", "exitAt", now.plus(Duration.ofDays(30)).toString()));
        assertThat(exit.status()).as(exit.text()).isEqualTo(201);
        Map<String, Object> sub = api.get("/api/v1/substitutions", bKey).<List<Map<String, Object>>>at("items").get(0);
        assertThat(sub.get("winner")).isEqualTo(v);
        assertThat((List<Map<String, Object>>) sub.get("offers")).extracting(o -> o.get("candidate")).containsExactly(v);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM link WHERE buyer_id = ? AND supplier_id = ?").params(b, k).query(Long.class).single()).isZero();
        assertThat(ofType(feed(k, kKey), "SUBSTITUTION_REQUEST")).isEmpty();
        assertThat(api.get("/api/v1/nodes/" + b, kKey).status()).as("K cannot read the buyer's config").isEqualTo(403);
        // The network parameter and the operator's word: only the operator verifies, a node sees its own standing.
        assertThat(api.get("/api/v1/network/substitution-policy", kKey).map()).isEqualTo(Map.of("minLevel", "TRUSTED", "minTrust", 0.5));
        assertThat(api.put("/api/v1/nodes/" + k + "/verification", kKey, "application/json", "{\"verified\": true}").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/nodes/" + k + "/verification", OPERATOR, "application/json", "{\"note\": \"" + "x".repeat(501) + "\"}").errors())
                .containsExactlyInAnyOrder("verified: is required: true or false", "note: must be at most 500 characters");
        assertThat(api.get("/api/v1/nodes/" + k + "/verification", kKey).<Boolean>at("verified")).isFalse();
        assertThat(api.put("/api/v1/nodes/nobody-" + run + "/verification", OPERATOR, "application/json", "{\"verified\": true}").status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRetailerIsNeverABackupSupplierOfTheManufacturersProduct() {
        String m = id("rm");
        String d = id("rd");
        String r = id("rr");
        String h = id("rh");
        String a = id("ra");
        String cabinets = capacity(CABINET, "router-9", "0, 800", null);
        String mKey = register(m, 53.0, 10.0, CABINET, cabinets);
        String dKey = register(d, 53.0, 10.0, CABINET, null);
        link(d, dKey, m, mKey, CABINET);
        // R, a retailer, buys cabinets from M as D does and declares an assembly workshop with M's own router: it supplies
        // cabinets, is verified and scores similarity 1 — yet its cabinets come from M.
        String rKey = register(r, 53.0, 10.0, CABINET, cabinets);
        link(r, rKey, m, mKey, CABINET);
        verify(r);
        // H, another retailer, buys its cabinets from D: further downstream still.
        String hKey = register(h, 53.0, 10.0, CABINET, cabinets);
        link(h, hKey, d, dKey, CABINET);
        verify(h);
        // A makes cabinets on the same router 20 km away and buys nothing from M or D.
        register(a, 53.18, 10.0, CABINET, cabinets);
        verify(a);
        Map<String, Object> list = api.get("/api/v1/nodes/" + d + "/backups?supplier=" + m + "&material=" + CABINET, dKey).map();
        assertThat(candidatesOf(list, List.of(r, h, a))).extracting(x -> x.get("node")).containsExactly(a);
        assertThat(((Number) candidatesOf(list, List.of(a)).get(0).get("similarity")).doubleValue()).isEqualTo(1.0);

        Instant now = clock.instant();
        assertThat(order(dKey, "ro-" + run, m, CABINET, "30", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(8))).<String>at("status")).isEqualTo("CONFIRMED");
        Api.Response exit = api.postJson("/api/v1/nodes/" + m + "/exit", mKey, Map.of("type", "CLOSURE", "exitAt", now.plus(Duration.ofDays(30)).toString()));
        assertThat(exit.status()).as(exit.text()).isEqualTo(201);
        Map<String, Object> sub = api.get("/api/v1/substitutions", dKey).<List<Map<String, Object>>>at("items").get(0);
        assertThat(sub.get("winner")).isEqualTo(a);
        assertThat((List<Map<String, Object>>) sub.get("offers")).extracting(o -> o.get("candidate")).containsExactly(a);
        assertThat(ofType(feed(r, rKey), "SUBSTITUTION_REQUEST")).isEmpty();
        assertThat(ofType(feed(h, hKey), "SUBSTITUTION_REQUEST")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void substitutionRequestsReachOnlyVettedSuppliersOfTheMaterialAndNameNoOrders() {
        String b = id("lb");
        String s = id("ls");
        String u = id("lu");
        String l = id("ll");
        String v = id("lv");
        String bKey = register(b, 61.0, 25.0, DOWEL, null);
        String sKey = register(s, 61.0, 25.0, DOWEL, capacity(DOWEL, "press-3", "0, 100", null));
        link(b, bKey, s, sKey, DOWEL);
        Instant now = clock.instant();
        assertThat(order(bKey, "lo1-" + run, s, DOWEL, "12", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(9))).<String>at("status")).isEqualTo("CONFIRMED");
        assertThat(order(bKey, "lo2-" + run, s, DOWEL, "8", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(12))).<String>at("status")).isEqualTo("CONFIRMED");
        // U merely lists dowels in its bom-mapping: no capacity for them, supplies nobody.
        String uKey = register(u, 61.0, 25.0, DOWEL, null);
        api.put("/api/v1/nodes/" + u + "/substitution-settings", uKey, "application/json", "{\"decide\": \"MANUAL\"}");
        // L is verified and runs the same press, but a hundredth of a dowel an hour: no capacity for this business.
        String lKey = register(l, 61.01, 25.0, DOWEL, capacity(DOWEL, "press-3", "0, 100", null).replace("rate-per-hour: 10", "rate-per-hour: 0.01"));
        api.put("/api/v1/nodes/" + l + "/substitution-settings", lKey, "application/json", "{\"decide\": \"MANUAL\"}");
        verify(l);
        // V declares capacity for dowels, is verified and decides by hand.
        String vKey = register(v, 61.02, 25.0, DOWEL, capacity(DOWEL, "press-3", "0, 100", null));
        api.put("/api/v1/nodes/" + v + "/substitution-settings", vKey, "application/json", "{\"decide\": \"MANUAL\"}");
        verify(v);
        Api.Response exit = api.postJson("/api/v1/nodes/" + s + "/exit", sKey, Map.of("type", "CLOSURE", "exitAt", now.plus(Duration.ofDays(30)).toString()));
        assertThat(exit.status()).as(exit.text()).isEqualTo(201);

        assertThat(ofType(feed(u, uKey), "SUBSTITUTION_REQUEST")).as("nothing of the buyer's business reaches U").isEmpty();
        List<Map<String, Object>> atV = awaitEvents(v, vKey, "SUBSTITUTION_REQUEST", 1);
        Map<String, Object> request = (Map<String, Object>) atV.get(0).get("payload");
        // Only what the offer needs: each open order's quantity and due date, no order ids.
        List<Map<String, Object>> open = (List<Map<String, Object>>) request.get("openOrders");
        assertThat(open).extracting(o -> o.keySet()).containsOnly(java.util.Set.of("quantity", "due"));
        assertThat(open).extracting(o -> ((Number) o.get("quantity")).doubleValue()).containsExactlyInAnyOrder(12.0, 8.0);
        assertThat(atV.get(0).toString()).doesNotContain("lo1-" + run, "lo2-" + run);
        String sub = (String) request.get("substitution");
        assertThat(api.get("/api/v1/substitutions/" + sub, vKey).text()).doesNotContain("lo1-" + run);
        assertThat(awaitEvents(l, lKey, "SUBSTITUTION_REQUEST", 1)).hasSize(1);

        assertThat(api.post("/api/v1/substitutions/" + sub + "/accept", uKey, "application/json", "").status()).isEqualTo(403);
        Api.Response noCapacity = api.post("/api/v1/substitutions/" + sub + "/accept", lKey, "application/json", "");
        assertThat(noCapacity.status()).as(noCapacity.text()).isEqualTo(409);
        assertThat(noCapacity.<String>at("detail")).contains("capacity");
        Api.Response won = api.post("/api/v1/substitutions/" + sub + "/accept", vKey, "application/json", "");
        assertThat(won.status()).as(won.text()).isEqualTo(200);
        assertThat(won.<String>at("winner")).isEqualTo(v);
    }

    @Test
    void backupListsRankBySimilarityAndProximityAndWarnWhenShort() {
        String b = id("bb");
        String s = id("bs");
        String bKey = register(b, 52.0, 8.5, PANEL, null);
        String sKey = register(s, 52.0, 8.5, PANEL, capacity(PANEL, "saw-a, edge-b", "0, 1200", null));
        link(b, bKey, s, sKey, PANEL);
        // The buyer sits where S does, so c₀ = 50 km. A: same equipment and range, same place → 0.6 · 1 + 0.4 · 1 = 1.
        String a = id("ba");
        register(a, 52.0, 8.5, PANEL, capacity(PANEL, "saw-a, edge-b", "0, 1200", null));
        verify(a);
        Map<String, Object> one = api.get("/api/v1/nodes/" + b + "/backups?supplier=" + s + "&material=" + PANEL, bKey).map();
        List<Map<String, Object>> first = candidatesOf(one, List.of(a));
        assertThat(first).hasSize(1);
        assertThat(((Number) first.get(0).get("score")).doubleValue()).isEqualTo(1.0);
        assertThat(awaitEvents(b, bKey, "BACKUP_LIST_SHORT", 1)).isNotEmpty();
        // C: half the equipment (Jaccard 1/2) and half the width range → similarity 0.5; 50 km further from the buyer →
        // proximity 1 / (1 + 50/50) = 0.5; score 0.6 · 0.5 + 0.4 · 0.5 = 0.5.
        String c = id("bc");
        register(c, 52.0 + 50 / (6371 * Math.PI / 180), 8.5, PANEL, capacity(PANEL, "saw-a", "0, 600", null));
        verify(c);
        List<Map<String, Object>> two = candidatesOf(api.get("/api/v1/nodes/" + b + "/backups?supplier=" + s + "&material=" + PANEL, bKey).map(), List.of(a, c));
        assertThat(two).extracting(x -> x.get("node")).containsExactly(a, c);
        assertThat(((Number) two.get(1).get("similarity")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) two.get(1).get("proximity")).doubleValue()).isCloseTo(0.5, within(1e-3));
        assertThat(((Number) two.get(1).get("score")).doubleValue()).isCloseTo(0.5, within(1e-3));
        // Pin C, exclude A: C comes first, A is gone.
        Api.Response pinned = api.put("/api/v1/nodes/" + b + "/backups/preferences", bKey, "application/json",
                "{\"supplier\": \"" + s + "\", \"material\": \"" + PANEL + "\", \"candidate\": \"" + c + "\", \"preference\": \"PIN\"}");
        assertThat(candidatesOf(pinned.map(), List.of(a, c))).extracting(x -> x.get("node")).containsExactly(c, a);
        Api.Response excluded = api.put("/api/v1/nodes/" + b + "/backups/preferences", bKey, "application/json",
                "{\"supplier\": \"" + s + "\", \"material\": \"" + PANEL + "\", \"candidate\": \"" + a + "\", \"preference\": \"EXCLUDE\"}");
        assertThat(candidatesOf(excluded.map(), List.of(a, c))).extracting(x -> x.get("node")).containsExactly(c);
        assertThat(api.put("/api/v1/nodes/" + b + "/backups/preferences", bKey, "application/json",
                "{\"supplier\": \"" + s + "\", \"material\": \"" + PANEL + "\", \"candidate\": \"nobody-" + run + "\", \"preference\": \"LOVE\"}").errors())
                .containsExactlyInAnyOrder("candidate: must be a registered node", "preference: must be PIN, EXCLUDE or NONE");
        assertThat(api.get("/api/v1/nodes/" + b + "/backups?supplier=" + s + "&material=" + PANEL, sKey).status()).isEqualTo(403);
    }

    @Test
    void withNoDirectSubstituteTheListNamesNodesComplementingTheSuppliersResources() {
        // Nobody else maps TRIM: S's buyer has no direct substitute. S mills 8 a day of its capacity 10 (widths 0–500)
        // on r, the resource making TRIM; at its exit the 8 become a constraint.
        String trim = "4012345009194";
        String mill = "edge-milling-" + run;
        String b = id("cb");
        String s = id("cs");
        String bKey = register(b, 52.0, 8.5, trim, null);
        String sKey = register(s, 52.0, 8.5, trim, capacity(trim, "saw-a", "0, 500", null));
        link(b, bKey, s, sKey, trim);
        declare(s, sKey, mill, 10, 8, "0, 500");
        // K: R = 10 − 6 = 4 of 8, widths 0–1000 contain 0–500 → 4 / 8 · 1 = 0.5. N: widths 0–400 do not → 0, not listed.
        // U: would cover it all, but is neither verified nor trusted (the operator's TRUSTED level).
        String k = id("ck");
        String n = id("cn");
        String u = id("cu");
        declare(k, register(k, 52.0, 8.5, BOARD, null), mill, 10, 6, "0, 1000");
        declare(n, register(n, 52.0, 8.5, BOARD, null), mill, 20, 0, "0, 400");
        declare(u, register(u, 52.0, 8.5, BOARD, null), mill, 20, 0, "0, 1000");
        verify(k);
        verify(n);
        Api.Response list = api.get("/api/v1/nodes/" + b + "/backups?supplier=" + s + "&material=" + trim, bKey);
        assertThat(list.<Boolean>at("short")).isTrue();
        List<Map<String, Object>> ours = candidatesOf(list.map(), List.of(k, n, u));
        assertThat(ours).containsExactly(Map.of("node", k, "score", 0.5, "complement", true));

        // A direct substitute appears: the list is its own again, without complements.
        String a = id("ca");
        register(a, 52.0, 8.5, trim, capacity(trim, "saw-a", "0, 500", null));
        verify(a);
        List<Map<String, Object>> direct = candidatesOf(api.get("/api/v1/nodes/" + b + "/backups?supplier=" + s + "&material=" + trim, bKey).map(),
                List.of(a, k, n, u));
        assertThat(direct).extracting(x -> x.get("node")).containsExactly(a);
        assertThat(direct.get(0)).containsEntry("complement", false);
    }

    void declare(String node, String key, String className, double capacity, double load, String width) {
        Api.Response r = api.put("/api/v1/nodes/" + node + "/resources", key, "application/json", "[{\"id\": \"r\", \"kind\": \"equipment\", \"className\": \""
                + className + "\", \"capacity\": " + capacity + ", \"load\": " + load + ", \"ranges\": {\"width-mm\": [" + width + "]}}]");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    /** The candidates of this test (the database holds other tests' nodes mapping the same material too). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> candidatesOf(Map<String, Object> list, List<String> ours) {
        return ((List<Map<String, Object>>) list.get("candidates")).stream().filter(x -> ours.contains(x.get("node"))).toList();
    }

    @Test
    void nobodyTakingOverFailsTheSubstitutionAndAlertsTheOperator() {
        String b = id("fb");
        String s = id("fs");
        String rare = VENEER;
        String bKey = register(b, 10, 10, rare, null);
        String sKey = register(s, 10, 10, rare, capacity(rare, "x", "0, 1", null));
        link(b, bKey, s, sKey, rare);
        Api.Response bad = api.postJson("/api/v1/nodes/" + s + "/exit", sKey, Map.of("type", "VANISH", "exitAt", "yesterday",
                "remainingCapacity", List.of(Map.of("from", "soon", "share", 2))));
        assertThat(bad.errors()).containsExactlyInAnyOrder("type: must be CLOSURE, RELOCATION, MERGER or OTHER", "exitAt: is required: an ISO 8601 instant",
                "remainingCapacity[0].from: is required: a date such as 2027-02-01",
                "remainingCapacity[0].share: must be a number in [0, 1]: the share of declared capacity still offered");
        assertThat(api.postJson("/api/v1/nodes/" + s + "/exit", bKey, Map.of("type", "CLOSURE", "exitAt", clock.instant().plus(Duration.ofDays(3)).toString()))
                .status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM node_exit WHERE node_id = ?").param(s).query(Long.class).single()).isZero();
        // Announced 3 days ahead with no order history: less than 3 cycles of 7 days, so UNPLANNED for the buyer.
        Api.Response exit = api.postJson("/api/v1/nodes/" + s + "/exit", sKey, Map.of("type", "CLOSURE", "exitAt", clock.instant().plus(Duration.ofDays(3)).toString()));
        assertThat(exit.<List<Map<String, Object>>>at("pairs")).extracting(p -> p.get("kind")).containsExactly("UNPLANNED");
        // Nobody else maps this material: no backup, and widening to capability matching finds nobody either.
        Map<String, Object> sub = api.get("/api/v1/substitutions", bKey).<List<Map<String, Object>>>at("items").get(0);
        assertThat(sub.get("status")).isEqualTo("FAILED");
        assertThat((List<?>) sub.get("offers")).isEmpty();
        assertThat(api.get("/api/v1/alerts", OPERATOR).<List<Map<String, Object>>>at("items")).extracting(x -> x.get("subject")).contains(sub.get("id"));
        assertThat(awaitEvents(b, bKey, "SUBSTITUTION_FAILED", 1)).hasSize(1);
        assertThat(api.get("/api/v1/alerts", bKey).status()).isEqualTo(403);
    }

    @Test
    void nobodyAnsweringInTimeWidensToEveryVettedSupplierOfTheMaterial() {
        String b = id("wb");
        String s = id("ws");
        String c = id("wc");
        String w = id("ww");
        String bKey = register(b, 20, 20, PLANK, null);
        String sKey = register(s, 20, 20, PLANK, capacity(PLANK, "planer-x9", "0, 500", null));
        String cKey = register(c, 20, 20.1, PLANK, capacity(PLANK, "planer-x9", "0, 500", null));
        // W makes planks on another machine, nothing in common with S's planer (similarity 0): not a viable backup, but it
        // supplies planks, so the second round (every vetted node supplying the material) asks it.
        String wKey = register(w, 20, 20.2, PLANK, capacity(PLANK, "moulder-z1", "600, 900", null));
        link(b, bKey, s, sKey, PLANK);
        api.put("/api/v1/nodes/" + c + "/substitution-settings", cKey, "application/json", "{\"decide\": \"MANUAL\"}");
        api.put("/api/v1/nodes/" + w + "/substitution-settings", wKey, "application/json", "{\"decide\": \"MANUAL\"}");
        verify(c);
        verify(w);
        Instant now = clock.instant();
        Api.Response exit = api.postJson("/api/v1/nodes/" + s + "/exit", sKey, Map.of("type", "RELOCATION", "exitAt", now.plus(Duration.ofDays(40)).toString()));
        assertThat(exit.status()).as(exit.text()).isEqualTo(201);
        Map<String, Object> sub = api.get("/api/v1/substitutions", bKey).<List<Map<String, Object>>>at("items").get(0);
        String id = (String) sub.get("id");
        assertThat((List<?>) sub.get("offers")).hasSize(1);
        // C's response timeout is 4 h × (2 + 1) = 12 h: thirteen hours later the round is over.
        clock.advance(Duration.ofHours(13));
        api.postJson("/api/v1/exits/check", OPERATOR, Map.of());
        Map<String, Object> widened = api.get("/api/v1/substitutions/" + id, bKey).map();
        assertThat(widened.get("round")).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> offers = (List<Map<String, Object>>) widened.get("offers");
        assertThat(offers).extracting(o -> o.get("candidate") + ":" + o.get("status")).containsExactly(c + ":EXPIRED", w + ":SENT");
        Api.Response late = api.post("/api/v1/substitutions/" + id + "/accept", cKey, "application/json", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.<String>at("detail")).startsWith("thank you, " + c);
        assertThat(awaitEvents(w, wKey, "SUBSTITUTION_REQUEST", 1)).hasSize(1);
        Api.Response won = api.post("/api/v1/substitutions/" + id + "/accept", wKey, "application/json", "");
        assertThat(won.status()).as(won.text()).isEqualTo(200);
        assertThat(won.<String>at("winner")).isEqualTo(w);
    }
}
