package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Network parameters over real HTTP: a change of θ1 reclassifies a pair at its next assessment and not before, bad sets
 * are refused with their paths and store nothing, only the operator writes, pairs get their negotiated values.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H",
        "hanse.relations.paths-every=PT1H", "hanse.relations.confluence-check=PT1H",
        "hanse.security.operator-email=" + ParametersApiContract.OPERATOR_EMAIL, "hanse.security.operator-password=operator-secret-3"})
@Import(MutableClock.Config.class)
abstract class ParametersApiContract extends ApiTestSupport {

    static final String BOARD = "4012345004557";
    static final String PARAMETERS = "/api/v1/network/parameters";
    static final String OPERATOR_EMAIL = "operator@parameters.test";

    @Autowired
    MutableClock clock;

    /** The PostgreSQL server is shared by the test classes: leave the network on its defaults. */
    @AfterEach
    void restoreDefaults() {
        assertThat(api.put(PARAMETERS, OPERATOR, YAML, "{}").status()).isEqualTo(200);
    }

    String node(String id) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], location: "
                + "{ lat: 50.0, lon: 9.0 } }\nmodules: [order-sync, inventory-notify]\nbom-mapping:\n  - { local: P1, material: \""
                + BOARD + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    void connectWithCapacity(String buyer, String buyerKey, String supplier, String supplierKey) {
        Api.Response requested = api.postJson("/api/v1/links", buyerKey, Map.of("buyer", buyer, "supplier", supplier, "materials", List.of(BOARD)));
        assertThat(api.post("/api/v1/links/" + requested.at("id") + "/accept", supplierKey, "application/json", "").status()).isEqualTo(200);
        assertThat(api.put("/api/v1/nodes/" + supplier + "/capacity", supplierKey, "application/json", """
                {"wip-max": 1000, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 1000}]}""".formatted(BOARD)).status()).isEqualTo(200);
    }

    void orders(String buyer, String key, String supplier, String quantity, int from, int to) {
        Instant now = clock.instant();
        for (int i = from; i < to; i++) {
            Api.Response placed = api.postJson("/api/v1/orders", key, Map.of("id", "po-" + i + "-" + run, "supplier", supplier,
                    "lines", List.of(Map.of("material", BOARD, "quantity", quantity, "unit", "H87")),
                    "earliest", now.plus(Duration.ofDays(1)).toString(), "due", now.plus(Duration.ofDays(5)).toString()));
            assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        }
    }

    Map<String, Object> awaitAssessed(String b, String s, String key, int orders) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = api.get("/api/v1/relations/" + b + "/" + s, key);
            return r.status() == 200 && ((Number) r.at("ordersIn90Days")).intValue() == orders;
        });
        return api.get("/api/v1/relations/" + b + "/" + s, key).map();
    }

    long version() {
        return ((Number) api.get(PARAMETERS, OPERATOR).at("version")).longValue();
    }

    @Test
    void aChangeOfThetaOneReclassifiesAPairAtItsNextAssessmentAndNotBefore() {
        String b = id("pb");
        String s = id("ps");
        String r = id("pr");
        String a = id("pa");
        Map<String, String> keys = Map.of(b, node(b), s, node(s), r, node(r), a, node(a));
        connectWithCapacity(b, keys.get(b), s, keys.get(s));
        // A reference pair of two orders of 900 keeps the network's median amount far above this pair's thousandths, so
        // κ · m is negligible and ρ is the frequency term 0.5 · (n / 90) / (1/7).
        connectWithCapacity(r, keys.get(r), a, keys.get(a));
        orders(r, keys.get(r), a, "900", 100, 102);

        // Eight orders: ρ = 0.5 · (8/90) · 7 = 0.311 < θ1 = 0.5 → MARKET.
        orders(b, keys.get(b), s, "0.001", 0, 8);
        Map<String, Object> before = awaitAssessed(b, s, keys.get(b), 8);
        assertThat(before).containsEntry("class", "MARKET").containsEntry("theta1", 0.5);
        assertThat(((Number) before.get("rho")).doubleValue()).isBetween(0.311, 0.312);
        long used = ((Number) before.get("parametersVersion")).longValue();

        // The operator lowers θ1 to 0.3: a new version, announced, and the stored assessment keeps its version and class.
        Api.Response changed = api.put(PARAMETERS, OPERATOR, YAML, "density:\n  theta1: 0.3\n");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        long next = ((Number) changed.at("version")).longValue();
        assertThat(next).isGreaterThan(used);
        assertThat(changed.<Boolean>at("changed")).isTrue();
        assertThat(((Number) changed.at("parameters.density.theta1")).doubleValue()).isEqualTo(0.3);
        clock.advance(Duration.ofHours(1));
        Map<String, Object> stillStored = api.get("/api/v1/relations/" + b + "/" + s, keys.get(b)).map();
        assertThat(stillStored).containsEntry("class", "MARKET").containsEntry("theta1", 0.5);
        assertThat(((Number) stillStored.get("parametersVersion")).longValue()).isEqualTo(used);

        // The ninth order is the next assessment: ρ = 0.5 · (9/90) · 7 = 0.35 ≥ 0.3 · 1.05 = 0.315 → COLLABORATIVE
        // (under θ1 = 0.5 it would have stayed MARKET: 0.35 < 0.525), computed with the new version.
        orders(b, keys.get(b), s, "0.001", 8, 9);
        Map<String, Object> after = awaitAssessed(b, s, keys.get(b), 9);
        assertThat(after).containsEntry("class", "COLLABORATIVE").containsEntry("theta1", 0.3);
        assertThat(((Number) after.get("parametersVersion")).longValue()).isEqualTo(next);
        assertThat(((Number) after.get("rho")).doubleValue()).isBetween(0.35, 0.351);
        List<Map<String, Object>> events = awaitEvents(s, keys.get(s), "RELATIONSHIP_REASSESSED", 1);
        assertThat(events.get(0).get("payload").toString()).contains("from=MARKET");

        // The history names the change.
        Api.Response history = api.get(PARAMETERS + "/history", keys.get(b));
        assertThat(history.status()).isEqualTo(200);
        assertThat(((Number) history.at("versions.0.version")).longValue()).isEqualTo(next);
        assertThat(history.<List<String>>at("versions.0.changed")).containsExactly("density.theta1");
        assertThat(history.<String>at("versions.0.changedBy")).isEqualTo("operator");
    }

    @Test
    void invalidParametersAreRefusedWithTheirPathsAndNothingIsStored() {
        long before = version();
        Api.Response bad = api.put(PARAMETERS, OPERATOR, YAML, """
                density:
                  theta1: 4
                  window-days: 90.5
                  colour: red
                trust:
                  polling-below: 0.97
                ordering:
                  theta-u: fast
                """);
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.errors()).containsExactlyInAnyOrder(
                "density.window-days: must be a whole number",
                "density.colour: unknown parameter; expected one of [window-days, frequency-weight, amount-weight, reference-interval-days, "
                        + "theta1, theta2-base, hysteresis, max-supplier-share]",
                "ordering.theta-u: must be a finite number from 0.01 to 100");
        // Cross-field rules once every value is in range: θ1 < θ2_base, polling-below < real-time-from.
        Api.Response crossed = api.put(PARAMETERS, OPERATOR, "application/json",
                "{\"density\": {\"theta1\": 4}, \"trust\": {\"polling-below\": 0.97}}");
        assertThat(crossed.errors()).containsExactlyInAnyOrder("density.theta1: must be less than density.theta2-base (3)",
                "trust.polling-below: must be less than trust.real-time-from (0.95)");
        assertThat(api.put(PARAMETERS, OPERATOR, YAML, "density: [1, 2").status()).isEqualTo(400);
        // The YAML body limit (256 KB) holds here too.
        assertThat(api.put(PARAMETERS, OPERATOR, YAML, "# " + "x".repeat(300 * 1024) + "\n{}").status()).isEqualTo(413);
        assertThat(version()).isEqualTo(before);
        // The same values again store no new version.
        Api.Response same = api.put(PARAMETERS, OPERATOR, YAML, "{}");
        assertThat(same.<Boolean>at("changed")).isFalse();
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void onlyTheOperatorWritesAndNodesReadTheCurrentSet() {
        String b = id("qb");
        String s = id("qs");
        String o = id("qo");
        Map<String, String> keys = Map.of(b, node(b), s, node(s), o, node(o));
        connectWithCapacity(b, keys.get(b), s, keys.get(s));
        long before = version();
        assertThat(api.get(PARAMETERS, null).status()).isEqualTo(401);
        Api.Response read = api.get(PARAMETERS, keys.get(b));
        assertThat(read.status()).isEqualTo(200);
        assertThat(((Number) read.at("parameters.ordering.theta-u")).doubleValue()).isEqualTo(0.6);
        assertThat(((Number) read.at("parameters.density.window-days")).intValue()).isEqualTo(90);
        assertThat(api.put(PARAMETERS, keys.get(b), YAML, "density: { theta1: 0.4 }").status()).isEqualTo(403);
        assertThat(api.put(PARAMETERS + "/pairs/" + b + "/" + s, keys.get(b), YAML, "trust: { promised: { punctuality: 0.9 } }").status())
                .isEqualTo(403);
        assertThat(version()).isEqualTo(before);

        // A pair's negotiated values: only promised levels and weights; the parties and the operator see them.
        Api.Response notNegotiable = api.put(PARAMETERS + "/pairs/" + b + "/" + s, OPERATOR, YAML, "density: { theta1: 0.4 }");
        assertThat(notNegotiable.status()).isEqualTo(400);
        assertThat(notNegotiable.errors().get(0)).startsWith("density.theta1: is not negotiated per pair");
        assertThat(api.put(PARAMETERS + "/pairs/" + b + "/" + o, OPERATOR, YAML, "{}").errors())
                .containsExactly("supplier: must be an accepted supplier of " + b);
        Api.Response pair = api.put(PARAMETERS + "/pairs/" + b + "/" + s, OPERATOR, YAML,
                "trust: { promised: { punctuality: 0.9 }, weights: { punctuality: 0.5, qualified: 0.3, information: 0.2 } }");
        assertThat(pair.status()).as(pair.text()).isEqualTo(200);
        assertThat(((Number) pair.at("parameters.trust.promised.punctuality")).doubleValue()).isEqualTo(0.9);
        assertThat(((Number) pair.at("parameters.trust.weights.qualified")).doubleValue()).isEqualTo(0.3);
        assertThat(((Number) api.get(PARAMETERS + "/pairs/" + b + "/" + s, keys.get(s)).at("overrides.trust.promised.punctuality"))
                .doubleValue()).isEqualTo(0.9);
        assertThat(api.get(PARAMETERS + "/pairs/" + b + "/" + s, keys.get(o)).status()).isEqualTo(403);
        // The trust module applies them while the pair has agreed nothing itself.
        Api.Response trust = api.get("/api/v1/trust/parameters?buyer=" + b + "&supplier=" + s, keys.get(b));
        assertThat(trust.<Boolean>at("agreed")).isFalse();
        assertThat(((Number) trust.at("promised.punctuality")).doubleValue()).isEqualTo(0.9);
        assertThat(((Number) trust.at("weights.punctuality")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) api.get("/api/v1/trust/parameters?buyer=" + o + "&supplier=" + s, keys.get(o)).at("promised.punctuality"))
                .doubleValue()).as("other pairs keep the network's").isEqualTo(0.95);
        assertThat(version()).as("a pair's values are no new network version").isEqualTo(before);
    }

    @Test
    void theOperatorEditsTheParametersOnAPageWithEachProblemAtItsLine() {
        WebSession operator = new WebSession(port, null);
        assertThat(WebSession.answer(operator.signIn(OPERATOR_EMAIL, "operator-secret-3"))).startsWith("302");
        assertThat(operator.get("/ui/network").text()).contains("href=\"/ui/network/parameters\"");
        Api.Response page = operator.get("/ui/network/parameters");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("theta1: 0.5", "parameter-history");
        long before = version();
        Api.Response bad = operator.post("/ui/network/parameters", "/ui/network/parameters",
                Map.of("parameters", "density:\n  window-days: 90\n  theta1: 7\n"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text()).contains("Line 3: ", "<code>density.theta1</code>", "must be less than density.theta2-base (3)");
        assertThat(version()).isEqualTo(before);
        assertThat(operator.get("/ui/network").text()).contains("trust &lt; 0.8 (polling)");
        Api.Response good = operator.post("/ui/network/parameters", "/ui/network/parameters",
                Map.of("parameters", "ordering:\n  theta-u: 0.7\ntrust:\n  polling-below: 0.75\n"));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.text()).contains("Stored as version " + (before + 1));
        assertThat(((Number) api.get(PARAMETERS, OPERATOR).at("parameters.ordering.theta-u")).doubleValue()).isEqualTo(0.7);
        // The network page's trust bands follow the sharing thresholds.
        assertThat(operator.get("/ui/network").text()).contains("trust &lt; 0.75 (polling)", "0.75–0.95");
        // Without signing in, the page sends to the sign-in form.
        assertThat(WebSession.answer(new WebSession(port, null).get("/ui/network/parameters"))).startsWith("302");
    }
}
