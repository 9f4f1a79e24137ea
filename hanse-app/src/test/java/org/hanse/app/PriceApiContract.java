package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Price lists over real HTTP: the supplier lists 400.00 EUR for every buyer and 389.00 EUR on its link with one buyer;
 * that buyer's orders take 389.00 (20 boards: 7,780.00 EUR), a stated 380.00 is flagged to confirm, and the unit's
 * invoice uses the order line's price.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
abstract class PriceApiContract extends ApiTestSupport {

    static final String BOARD = "4012345000016";

    String node(String id) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], "
                + "location: { lat: 52.0, lon: 8.5 } }\nmodules: [order-sync, inventory-notify, exception-broadcast]\nbom-mapping:\n"
                + "  - { local: SP19, material: \"" + BOARD + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    Api.Response order(String buyer, String key, String supplier, String id, Map<String, Object> line) {
        Instant now = Instant.now();
        return api.postJson("/api/v1/orders", key, Map.of("id", id, "supplier", supplier, "lines", List.of(line),
                "earliest", now.plus(Duration.ofDays(2)).toString(), "due", now.plus(Duration.ofDays(6)).toString()));
    }

    static Map<String, Object> price(String buyer, String amount, String currency, String from) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(Map.of("material", BOARD, "unitPrice", amount, "currency", currency, "validFrom", from));
        if (buyer != null) {
            m.put("buyer", buyer);
        }
        return m;
    }

    @Test
    void ordersTakeTheLinksListedPriceAndTheInvoiceUsesIt() {
        String b = id("pb");
        String s = id("ps");
        String o = id("po");
        Map<String, String> keys = Map.of(b, node(b), s, node(s), o, node(o));
        api.put("/api/v1/nodes/" + s + "/capacity", keys.get(s), "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD));
        Api.Response link = api.postJson("/api/v1/links", keys.get(b), Map.of("buyer", b, "supplier", s, "materials", List.of(BOARD)));
        api.post("/api/v1/links/" + link.at("id") + "/accept", keys.get(s), "application/json", "");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String later = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

        Api.Response set = api.put("/api/v1/nodes/" + s + "/prices", keys.get(s), "application/json", json(Map.of("prices", List.of(
                price(null, "400.00", "EUR", "2026-01-01"), price(b, "389", "EUR", today), price(b, "500.00", "EUR", later)))));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.<List<Map<String, Object>>>at("prices")).extracting(p -> p.get("buyer") + " " + p.get("unitPrice") + " " + p.get("validFrom"))
                .containsExactly("null 400.00 2026-01-01", b + " 389.00 " + today, b + " 500.00 " + later);

        // Refused whole, each problem at its path; the list stays as it was.
        Api.Response bad = api.put("/api/v1/nodes/" + s + "/prices", keys.get(s), "application/json", json(Map.of("prices", List.of(
                price(null, "1.005", "EUR", today), price(o, "1", "EUR", today), price(null, "1", "EUX", "2026-03-01"),
                price(null, "10", "JPY", "2026-04-01"), price(null, "10.5", "JPY", "2026-02-01"), price(null, "2", "EUR", "2026-04-01")))));
        assertThat(bad.errors()).containsExactlyInAnyOrder("prices[0].unitPrice: must have at most 2 decimals in EUR",
                "prices[1].buyer: must be an accepted buyer of " + s, "prices[2].currency: must be an ISO 4217 code such as EUR",
                "prices[4].unitPrice: must have at most 0 decimals in JPY",
                "prices[5]: repeats the material, buyer and valid-from date of an earlier entry");
        Api.Response negative = api.put("/api/v1/nodes/" + s + "/prices", keys.get(s), "application/json",
                json(Map.of("prices", List.of(price(null, "-1", "EUR", today), price(null, "1e13", "EUR", today)))));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.errors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactlyInAnyOrder("prices[0].unitPrice", "prices[1].unitPrice");
        assertThat(api.get("/api/v1/nodes/" + s + "/prices", keys.get(s)).<List<?>>at("prices")).hasSize(3);
        assertThat(api.put("/api/v1/nodes/" + s + "/prices", keys.get(b), "application/json", json(Map.of("prices", List.of()))).status())
                .as("only the supplier sets its list").isEqualTo(403);
        assertThat(api.get("/api/v1/nodes/" + s + "/prices", keys.get(o)).status()).isEqualTo(403);

        // The buyer's order takes the link's price valid today: 20 × 389.00 = 7,780.00 EUR.
        Api.Response listed = order(b, keys.get(b), s, "pl-" + run, Map.of("material", BOARD, "quantity", "20", "unit", "H87"));
        assertThat(listed.<String>at("status")).as(listed.text()).isEqualTo("CONFIRMED");
        assertThat(listed.<String>at("lines.0.unitPrice")).isEqualTo("389.00");
        assertThat(listed.<String>at("lines.0.priceStatus")).isEqualTo("LISTED");
        assertThat(listed.<String>at("value.amount")).isEqualTo("7780.00");
        // A stated price that differs from the list is kept and flagged; a stated price equal to it is confirmed.
        Api.Response stated = order(b, keys.get(b), s, "ps-" + run, Map.of("material", BOARD, "quantity", "2", "unit", "H87",
                "unitPrice", "380.00", "currency", "EUR"));
        assertThat(stated.<String>at("lines.0.priceStatus")).as(stated.text()).isEqualTo("TO_CONFIRM");
        assertThat(stated.<String>at("value.amount")).isEqualTo("760.00");
        assertThat(order(b, keys.get(b), s, "pc-" + run, Map.of("material", BOARD, "quantity", "1", "unit", "H87",
                "unitPrice", "389", "currency", "EUR")).<String>at("lines.0.priceStatus")).isEqualTo("CONFIRMED");
        assertThat(order(b, keys.get(b), s, "px-" + run, Map.of("material", BOARD, "quantity", "1", "unit", "H87",
                "unitPrice", "3.899", "currency", "EUR")).errors()).containsExactly("lines[0].unitPrice: must have at most 2 decimals in EUR");

        // The unit is typed at 390.00, but the order line says 389.00: 19 accepted → 7,391.00 EUR, 1 rejected → 389.00.
        String shipment = "psh-" + run;
        // Shipping moves the supplier's stock (RULES 3.5.1): the boards are on its shelf first.
        Api.Response received = api.postJson("/api/v1/nodes/" + s + "/stock/movements", keys.get(s), Map.of("material", BOARD, "kind", "RECEIPT",
                "quantity", "100", "occurredAt", java.time.Instant.now().minusSeconds(60).toString()));
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/shipments", keys.get(s), Map.of("id", shipment, "order", "pl-" + run,
                "lines", List.of(Map.of("material", BOARD, "quantity", "20", "unitPrice", "390.00", "currency", "EUR")))).status()).isEqualTo(201);
        api.postJson("/api/v1/shipments/" + shipment + "/milestones", keys.get(s), Map.of("milestone", "SHIPPED"));
        api.postJson("/api/v1/shipments/" + shipment + "/milestones", keys.get(b), Map.of("milestone", "DELIVERED"));
        Api.Response accepted = api.postJson("/api/v1/shipments/" + shipment + "/milestones", keys.get(b),
                Map.of("milestone", "ACCEPTED", "accepted", "19", "rejected", "1"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        assertThat(api.get("/api/v1/nodes/" + b + "/invoices", keys.get(b)).<List<Map<String, Object>>>at("items"))
                .extracting(i -> i.get("kind") + " " + i.get("display"))
                .containsExactlyInAnyOrder("INVOICE 7,391.00 EUR", "CREDIT_NOTE 389.00 EUR");
    }

    @Test
    void exchangeRatesTurnOrderValuesIntoTheReferenceCurrencyForTheRelationshipDensity() {
        String b = id("xb");
        String s = id("xs");
        Map<String, String> keys = Map.of(b, node(b), s, node(s));
        api.put("/api/v1/nodes/" + s + "/capacity", keys.get(s), "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD));
        Api.Response link = api.postJson("/api/v1/links", keys.get(b), Map.of("buyer", b, "supplier", s, "materials", List.of(BOARD)));
        api.post("/api/v1/links/" + link.at("id") + "/accept", keys.get(s), "application/json", "");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String rates = json(Map.of("rates", List.of(Map.of("currency", "USD", "validFrom", today.minusDays(30).toString(), "rate", "0.92"),
                Map.of("currency", "USD", "validFrom", today.plusDays(1).toString(), "rate", "0.95"))));
        assertThat(api.put("/api/v1/network/exchange-rates", keys.get(s), "application/json", rates).status()).isEqualTo(403);
        Api.Response bad = api.put("/api/v1/network/exchange-rates", OPERATOR, "application/json", json(Map.of("rates", List.of(
                Map.of("currency", "EUR", "validFrom", "2026-01-01", "rate", "1"), Map.of("currency", "USD", "validFrom", "2026-01-01", "rate", "0.9"),
                Map.of("currency", "USD", "validFrom", "2026-01-01", "rate", "0.91")))));
        assertThat(bad.errors()).containsExactlyInAnyOrder("rates[0].currency: must be an ISO 4217 code other than the reference EUR",
                "rates[2]: repeats the currency and valid-from date of an earlier rate");
        assertThat(api.put("/api/v1/network/exchange-rates", OPERATOR, "application/json", json(Map.of("rates", List.of(
                Map.of("currency", "USD", "validFrom", "2026-01-01", "rate", "0"))))).errors())
                .extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly("rates[0].rate");
        assertThat(api.get("/api/v1/network/exchange-rates", OPERATOR).<List<?>>at("rates")).as("refused: nothing stored").isEmpty();
        Api.Response set = api.put("/api/v1/network/exchange-rates", OPERATOR, "application/json", rates);
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.<String>at("reference")).isEqualTo("EUR");
        assertThat(api.get("/api/v1/network/exchange-rates", keys.get(b)).<List<?>>at("rates")).hasSize(2);

        // 1,000.00 EUR + 500.00 USD at today's 0.92 = 1,460.00 EUR over the 90-day window: m = 16.2222 EUR a day.
        assertThat(order(b, keys.get(b), s, "xe-" + run, Map.of("material", BOARD, "quantity", "1", "unit", "H87",
                "unitPrice", "1000.00", "currency", "EUR")).<String>at("value.amount")).isEqualTo("1000.00");
        assertThat(order(b, keys.get(b), s, "xu-" + run, Map.of("material", BOARD, "quantity", "1", "unit", "H87",
                "unitPrice", "500.00", "currency", "USD")).<String>at("value.currency")).isEqualTo("USD");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = api.get("/api/v1/relations/" + b + "/" + s, keys.get(b));
            return r.status() == 200 && ((Number) r.at("ordersIn90Days")).intValue() == 2;
        });
        assertThat(api.get("/api/v1/relations/" + b + "/" + s, keys.get(b)).<Number>at("dailyAmount").doubleValue()).isEqualTo(16.2222);
        // Back to no rates, so other tests see the network as it was.
        assertThat(api.put("/api/v1/network/exchange-rates", OPERATOR, "application/json", json(Map.of("rates", List.of()))).status()).isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.hanse.app.security.People people;

    @Test
    void theSupplierSetsAPriceFromItsWorkspaceWithTheSameChecks() {
        String s = id("ws");
        String key = node(s);
        people.createNodeAdmin(s, "a@" + s + ".test", "Admin of " + s, "twelve chars ok");
        WebSession web = new WebSession(port, null);
        assertThat(WebSession.answer(web.signIn("a@" + s + ".test", "twelve chars ok"))).startsWith("302");
        String panel = "/ui/nodes/" + s + "/prices";
        assertThat(web.get(panel).text()).contains("No prices yet");

        Api.Response bad = web.post(panel, panel, Map.of("material", BOARD, "buyer", "", "unitPrice", "1.005", "currency", "EUR",
                "validFrom", "2026-01-01"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text()).contains("Nothing was changed").contains("prices[0].unitPrice");
        Api.Response set = web.post(panel, panel, Map.of("material", BOARD, "buyer", "", "unitPrice", "389", "currency", "EUR",
                "validFrom", "2026-01-01"));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.text()).contains("389.00 EUR").contains("every buyer");
        // The same material, buyer and date again replaces the price; the API sees what the form set.
        web.post(panel, panel, Map.of("material", BOARD, "buyer", "", "unitPrice", "390.50", "currency", "EUR", "validFrom", "2026-01-01"));
        assertThat(api.get("/api/v1/nodes/" + s + "/prices", key).<List<Map<String, Object>>>at("prices"))
                .extracting(p -> p.get("unitPrice") + " " + p.get("validFrom")).containsExactly("390.50 2026-01-01");
    }

    static String json(Object value) {
        return new tools.jackson.databind.json.JsonMapper().writeValueAsString(value);
    }
}
