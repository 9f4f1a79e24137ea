package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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

    Api.Response delete(String path, String key) {
        return FinanceHttp.delete(api, path, key);
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

    @Test
    void onlyACertifiedCoreEnterpriseGuaranteesAndEveryStepIsInTheLedger() {
        String core = id("core");
        String coreKey = node(core, "manufacturer, core");
        String plain = id("plain");
        String plainKey = node(plain, "manufacturer");
        String supplier = id("sup");
        node(supplier, "supplier");
        String auditor = id("audit");
        String auditorKey = institution(auditor, "CERTIFIER");
        String otherBankKey = institution(id("bank2"), "LENDER");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> guarantee = Map.of("supplier", supplier, "limit", "50000", "currency", "EUR", "validTo", today.plusMonths(6).toString());
        // Declared core but not certified: refused with the reason, nothing stored.
        Api.Response refused = api.postJson("/api/v1/nodes/" + core + "/guarantees", coreKey, guarantee);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("not a certified core enterprise");
        assertThat(api.get("/api/v1/nodes/" + core + "/guarantees", coreKey).<List<?>>at("items")).isEmpty();
        // Only an institution certifies, only a declared core, only a sane period.
        Map<String, Object> certificate = Map.of("scope", "core enterprise: furniture chain", "validFrom", today.minusDays(1).toString(),
                "validTo", today.plusYears(1).toString());
        assertThat(api.postJson("/api/v1/nodes/" + core + "/certificates", plainKey, certificate).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/nodes/" + plain + "/certificates", auditorKey, certificate).status()).isEqualTo(409);
        Api.Response backwards = api.postJson("/api/v1/nodes/" + core + "/certificates", auditorKey,
                Map.of("scope", "x", "validFrom", today.toString(), "validTo", today.minusDays(1).toString()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly("validTo");
        Api.Response blank = api.postJson("/api/v1/nodes/" + core + "/certificates", auditorKey, Map.of("scope", " ", "validFrom", today.toString()));
        assertThat(blank.errors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactlyInAnyOrder("scope", "validTo");
        assertThat(api.get("/api/v1/nodes/" + core + "/certificates", coreKey).<List<?>>at("items")).isEmpty();
        // The auditor certifies: the certificate and its ledger entry.
        Api.Response issued = api.postJson("/api/v1/nodes/" + core + "/certificates", auditorKey, certificate);
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        assertThat(issued.<String>at("issuer")).isEqualTo(auditor);
        assertThat(issued.<Number>at("ledger.index")).isNotNull();
        String cert = issued.at("id");
        // Now the core guarantees 50,000.00 EUR; limits are checked first.
        Api.Response self = api.postJson("/api/v1/nodes/" + core + "/guarantees", coreKey, Map.of("supplier", core, "limit", "1", "currency", "EUR",
                "validTo", today.plusDays(1).toString()));
        assertThat(self.errors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly("supplier");
        Api.Response cents = api.postJson("/api/v1/nodes/" + core + "/guarantees", coreKey, Map.of("supplier", supplier, "limit", "1.234",
                "currency", "EUR", "validTo", today.plusDays(1).toString()));
        assertThat(cents.errors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly("limit");
        assertThat(api.postJson("/api/v1/nodes/" + core + "/guarantees", auditorKey, guarantee).status()).isEqualTo(403);
        Api.Response agreed = api.postJson("/api/v1/nodes/" + core + "/guarantees", coreKey, guarantee);
        assertThat(agreed.status()).as(agreed.text()).isEqualTo(201);
        assertThat(agreed.<String>at("limit")).isEqualTo("50000.00");
        assertThat(agreed.<String>at("certificate")).isEqualTo(cert);
        assertThat(agreed.<Number>at("ledger.index")).isNotNull();
        // Revocation: not by another lender nor the node; by the issuer once; then no more guarantees.
        assertThat(delete("/api/v1/nodes/" + core + "/certificates/" + cert, otherBankKey).status()).isEqualTo(403);
        assertThat(delete("/api/v1/nodes/" + core + "/certificates/" + cert, coreKey).status()).isEqualTo(403);
        Api.Response revoked = delete("/api/v1/nodes/" + core + "/certificates/" + cert, auditorKey);
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.<String>at("revokedBy")).isEqualTo("certifier:" + auditor);
        assertThat(revoked.<Number>at("revocationLedger.index")).isNotNull();
        assertThat(delete("/api/v1/nodes/" + core + "/certificates/" + cert, OPERATOR).status()).isEqualTo(409);
        assertThat(api.postJson("/api/v1/nodes/" + core + "/guarantees", coreKey, guarantee).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/nodes/" + core + "/guarantees", coreKey).<List<?>>at("items")).hasSize(1);
        assertThat(ledgerFindings()).isEmpty();
    }

    /** A buyer linked to its supplier, with a confirmed order of 40 boards and a shipped unit of 10 at 12.50 EUR. */
    record Chain(String b, String bKey, String s, String sKey, String order, Number orderLedger, String shipment) {
    }

    Chain chain() {
        String board = "4012345000016";
        String b = id("app");
        String bKey = node(b, "manufacturer");
        String s = id("appsup");
        String sKey = node(s, "supplier");
        assertThat(api.put("/api/v1/nodes/" + s + "/capacity", sKey, "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(board)).status()).isEqualTo(200);
        Api.Response link = api.postJson("/api/v1/links", bKey, Map.of("buyer", b, "supplier", s, "materials", List.of(board)));
        assertThat(api.post("/api/v1/links/" + link.at("id") + "/accept", sKey, "application/json", "").status()).isEqualTo(200);
        java.time.Instant now = java.time.Instant.now();
        String order = id("ord");
        Api.Response placed = api.postJson("/api/v1/orders", bKey, Map.of("id", order, "supplier", s,
                "lines", List.of(Map.of("material", board, "quantity", "40", "unit", "H87")),
                "earliest", now.plus(java.time.Duration.ofDays(2)).toString(), "due", now.plus(java.time.Duration.ofDays(6)).toString()));
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        String shipment = id("shp");
        Api.Response shipped = api.postJson("/api/v1/shipments", sKey, Map.of("id", shipment, "order", order, "lines",
                List.of(Map.of("material", board, "quantity", "10", "unitPrice", "12.50", "currency", "EUR"))));
        assertThat(shipped.status()).as(shipped.text()).isEqualTo(201);
        return new Chain(b, bKey, s, sKey, order, placed.<Number>at("ledger.index"), shipment);
    }

    @Test
    void aLenderReadsAnApplicantsEvidenceOnlyWithItsLiveConsent() {
        Chain c = chain();
        String b = c.b();
        String bKey = c.bKey();
        String s = c.s();
        String sKey = c.sKey();
        String order = c.order();
        String shipment = c.shipment();
        String bank = id("lend");
        String bankKey = institution(bank, "LENDER");
        String bank2 = id("lend2");
        String bank2Key = institution(bank2, "LENDER");
        String auditor = id("cert");
        institution(auditor, "CERTIFIER");
        String evidence = "/api/v1/lenders/" + bank + "/applicants/" + b + "/evidence";
        // Without consent: nothing.
        assertThat(api.get(evidence, bankKey).status()).isEqualTo(403);
        // Only the node itself consents, only to an admitted lender.
        assertThat(api.put("/api/v1/nodes/" + b + "/consents/" + bank, sKey, "application/json", "").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/nodes/" + b + "/consents/" + bank, bankKey, "application/json", "").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/nodes/" + b + "/consents/" + auditor, bKey, "application/json", "").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/nodes/" + b + "/consents/nobody", bKey, "application/json", "").status()).isEqualTo(404);
        Api.Response granted = api.put("/api/v1/nodes/" + b + "/consents/" + bank, bKey, "application/json", "");
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        assertThat(api.put("/api/v1/nodes/" + b + "/consents/" + bank, bKey, "application/json", "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/lenders/" + bank + "/applicants", bankKey).<List<Map<String, Object>>>at("items"))
                .extracting(a -> a.get("node")).containsExactly(b);
        assertThat(api.get("/api/v1/lenders/" + bank + "/applicants", bank2Key).status()).isEqualTo(403);
        // With consent the lender reads the applicant's orders with their ledger references, and its counterparties.
        Api.Response view = api.get(evidence, bankKey);
        assertThat(view.status()).as(view.text()).isEqualTo(200);
        assertThat(view.<String>at("orders.0.id")).isEqualTo(order);
        assertThat(view.<String>at("orders.0.status")).isEqualTo("CONFIRMED");
        assertThat(view.<String>at("orders.0.supplier")).isEqualTo(s);
        assertThat(view.<Number>at("orders.0.ledger.index")).isEqualTo(c.orderLedger());
        assertThat(view.<String>at("counterparties.0.node")).isEqualTo(s);
        // 10 boards × 12.50 EUR = 125.00 EUR, not yet delivered or inspected; no instalment due yet: credit record 1.
        assertThat(view.<String>at("shipments.0.shipment")).isEqualTo(shipment);
        assertThat(view.<String>at("shipments.0.value")).isEqualTo("125.00");
        assertThat(view.<Object>at("shipments.0.accepted")).isNull();
        assertThat(view.<Number>at("shipments.0.ledger.index")).isNotNull();
        assertThat(view.<Number>at("counterparties.0.creditRecordAsBuyer").doubleValue()).isEqualTo(1.0);
        assertThat(view.<Object>at("counterparties.0.coreCertificate")).isNull();
        assertThat(view.<List<?>>at("invoices")).isEmpty();
        // Forbidden paths: another lender (through its own path or the bank's), the node itself, its partner, the operator.
        assertThat(api.get("/api/v1/lenders/" + bank2 + "/applicants/" + b + "/evidence", bank2Key).status()).isEqualTo(403);
        assertThat(api.get(evidence, bank2Key).status()).isEqualTo(403);
        assertThat(api.get(evidence, bKey).status()).isEqualTo(403);
        assertThat(api.get(evidence, sKey).status()).isEqualTo(403);
        assertThat(api.get(evidence, OPERATOR).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/lenders/" + bank + "/applicants/" + s + "/evidence", bankKey).status()).isEqualTo(403);
        // Revoked: nothing again; a second revocation finds no live consent.
        assertThat(delete("/api/v1/nodes/" + b + "/consents/" + bank, bankKey).status()).isEqualTo(403);
        Api.Response revoked = delete("/api/v1/nodes/" + b + "/consents/" + bank, bKey);
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.<String>at("revokedAt")).isNotNull();
        assertThat(api.get(evidence, bankKey).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/lenders/" + bank + "/applicants", bankKey).<List<?>>at("items")).isEmpty();
        assertThat(delete("/api/v1/nodes/" + b + "/consents/" + bank, bKey).status()).isEqualTo(404);
    }

    @Test
    void aLendersPersonSignsInAndSeesItsApplicantsAndTheirEvidence() throws Exception {
        String bank = id("web");
        String password = "twelve chars ok";
        Api.Response bad = api.postJson("/api/v1/institutions", OPERATOR, Map.of("id", bank, "kind", "LENDER", "name", "Bank",
                "person", Map.of("email", "nope", "name", "Lena", "password", "short")));
        assertThat(bad.errors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactlyInAnyOrder("person.email", "person.password");
        assertThat(api.get("/api/v1/institutions", OPERATOR).text()).doesNotContain(bank);
        Api.Response created = api.postJson("/api/v1/institutions", OPERATOR, Map.of("id", bank, "kind", "LENDER", "name", "Bank",
                "person", Map.of("email", "lena@" + bank + ".test", "name", "Lena", "password", password)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String b = id("webapp");
        String bKey = node(b, "manufacturer");
        assertThat(api.put("/api/v1/nodes/" + b + "/consents/" + bank, bKey, "application/json", "").status()).isEqualTo(200);
        java.net.http.HttpClient browser = FinanceHttp.signIn(api, "lena@" + bank + ".test", password);
        var home = browser.send(java.net.http.HttpRequest.newBuilder(api.uri("/ui")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/ui/lenders/" + bank);
        var page = browser.send(java.net.http.HttpRequest.newBuilder(api.uri("/ui/lenders/" + bank)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("data-applicant=\"" + b + "\"");
        var view = browser.send(java.net.http.HttpRequest.newBuilder(api.uri("/ui/lenders/" + bank + "/applicants/" + b)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        assertThat(view.body()).contains("Evidence of " + b).doesNotContain("<script>");
        // Another lender's page and a node without consent stay closed to her.
        String other = id("webother");
        institution(other, "LENDER");
        var foreign = browser.send(java.net.http.HttpRequest.newBuilder(api.uri("/ui/lenders/" + other)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        String stranger = id("webstr");
        node(stranger, "manufacturer");
        var closed = browser.send(java.net.http.HttpRequest.newBuilder(api.uri("/ui/lenders/" + bank + "/applicants/" + stranger)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).isEqualTo(403);
    }

    @Test
    void anInvoiceOrOrderBacksOneLiveFinancingAtATime() {
        Chain c = chain();
        String b = c.b();
        String bKey = c.bKey();
        String s = c.s();
        String order = c.order();
        String bank = id("cl");
        String bankKey = institution(bank, "LENDER");
        String bank2 = id("cl2");
        String bank2Key = institution(bank2, "LENDER");
        assertThat(api.put("/api/v1/nodes/" + b + "/consents/" + bank, bKey, "application/json", "").status()).isEqualTo(200);
        // No double financing: the order backs one live financing at a time, whichever lender asks.
        String claims = "/api/v1/lenders/" + bank + "/claims";
        Api.Response claimed = api.postJson(claims, bankKey, Map.of("kind", "ORDER", "record", order, "applicant", b));
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(201);
        assertThat(claimed.<Number>at("ledger.index")).isNotNull();
        assertThat(api.postJson(claims, bankKey, Map.of("kind", "ORDER", "record", order, "applicant", b)).status()).isEqualTo(409);
        assertThat(api.postJson(claims, bankKey, Map.of("kind", "INVOICE", "record", "nope", "applicant", b)).errors())
                .extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly("record");
        assertThat(api.postJson(claims, bankKey, Map.of("kind", "LOAN", "record", order, "applicant", b)).errors())
                .extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly("kind");
        assertThat(api.postJson(claims, bankKey, Map.of("kind", "ORDER", "record", order, "applicant", s)).status()).isEqualTo(403);
        assertThat(api.postJson(claims, bank2Key, Map.of("kind", "ORDER", "record", order, "applicant", b)).status()).isEqualTo(403);
        String claims2 = "/api/v1/lenders/" + bank2 + "/claims";
        assertThat(api.postJson(claims2, bank2Key, Map.of("kind", "ORDER", "record", order, "applicant", b)).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/nodes/" + b + "/consents/" + bank2, bKey, "application/json", "").status()).isEqualTo(200);
        Api.Response twice = api.postJson(claims2, bank2Key, Map.of("kind", "ORDER", "record", order, "applicant", b));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("already backs a live financing");
        assertThat(delete(claims + "/" + claimed.at("id"), bank2Key).status()).isEqualTo(403);
        Api.Response released = delete(claims + "/" + claimed.at("id"), bankKey);
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.<Number>at("releaseLedger.index")).isNotNull();
        assertThat(delete(claims + "/" + claimed.at("id"), bankKey).status()).isEqualTo(409);
        assertThat(api.postJson(claims2, bank2Key, Map.of("kind", "ORDER", "record", order, "applicant", b)).status()).isEqualTo(201);
        assertThat(ledgerFindings()).isEmpty();
    }
}
