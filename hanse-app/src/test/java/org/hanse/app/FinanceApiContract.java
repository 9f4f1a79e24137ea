package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Supply-chain finance over real HTTP: the operator admits lenders and certifiers, whose keys authenticate as their own
 * kind of principal and open nothing of a node's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
abstract class FinanceApiContract extends ApiTestSupport {

    String node(String id, String role) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [" + role + "], "
                + "location: { lat: 52.0, lon: 8.5 } }\nmodules: [order-sync, inventory-notify, exception-broadcast]\nbom-mapping:\n"
                + "  - { local: SP19, material: \"4012345000016\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    String institution(String id, String kind) {
        Api.Response r = api.postJson("/api/v1/institutions", OPERATOR, Map.of("id", id, "kind", kind, "name", "Institution " + id));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.<String>at("kind")).isEqualTo(kind);
        return r.at("apiKey");
    }

    @Test
    void theOperatorAdmitsLendersAndCertifiersWhoseKeysOpenNoNode() {
        String bank = id("bank");
        String bankKey = institution(bank, "LENDER");
        String auditorKey = institution(id("audit"), "CERTIFIER");
        assertThat(bankKey).startsWith("hk_").isNotEqualTo(auditorKey);
        // The key is shown once: the list has the bank without it.
        Api.Response list = api.get("/api/v1/institutions", OPERATOR);
        assertThat(list.text()).contains(bank).doesNotContain(bankKey);
        // Taken id, invalid body, a node or an institution creating one: refused, nothing stored.
        assertThat(api.postJson("/api/v1/institutions", OPERATOR, Map.of("id", bank, "kind", "LENDER", "name", "Again")).status()).isEqualTo(409);
        Api.Response bad = api.postJson("/api/v1/institutions", OPERATOR, Map.of("id", "Bad Id!", "name", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactlyInAnyOrder("id", "kind", "name");
        String n = id("fn");
        String nodeKey = node(n, "manufacturer");
        assertThat(api.postJson("/api/v1/institutions", nodeKey, Map.of("id", id("x"), "kind", "LENDER", "name", "X")).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/institutions", bankKey, Map.of("id", id("y"), "kind", "LENDER", "name", "Y")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/institutions", OPERATOR).text()).doesNotContain("Bad Id!");
        // The bank's key authenticates (not 401) but reads nothing of a node, and registers none.
        assertThat(api.get("/api/v1/nodes/" + n, bankKey).status()).isIn(403, 404);
        assertThat(api.get("/api/v1/nodes/" + n + "/stock", auditorKey).status()).isIn(403, 404);
        assertThat(api.get("/api/v1/institutions", bankKey).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/institutions", "hk_wrong").status()).isEqualTo(401);
    }
}
