package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Invoices over real HTTP: 20 boards at 389.00 EUR, 19 accepted and 1 rejected, are invoiced 7,391.00 EUR with a credit
 * note of 389.00; the default terms split the invoice 2,217.30 + 2,217.30 + 2,956.40; a buyer who does not pay loses
 * its credit record as soon as the grace of each instalment is over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
abstract class InvoiceApiContract extends ApiTestSupport {

    static final String BOARD = TradeNet.BOARD;

    TradeNet net() {
        return TradeNet.of(this, "i");
    }

    Api.Response milestone(TradeNet n, String shipment, String node, Map<String, Object> body) {
        Api.Response r = api.postJson("/api/v1/shipments/" + shipment + "/milestones", n.key(node), body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r;
    }

    /** One unit of 20 boards at 389.00 EUR, shipped at {@code shippedAt}. */
    String ship(TradeNet n, String name, Instant shippedAt) {
        String shipment = name + "-" + run;
        Api.Response created = api.postJson("/api/v1/shipments", n.key(n.supplier()), Map.of("id", shipment, "order", n.order(),
                "lines", List.of(Map.of("material", BOARD, "quantity", "20", "unitPrice", "389.00", "currency", "EUR"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        // Shipping moves the supplier's stock (RULES 3.5.1): boards come onto its shelf first, plenty, so no buffer hold blocks it.
        Api.Response received = api.postJson("/api/v1/nodes/" + n.supplier() + "/stock/movements", n.key(n.supplier()), Map.of("material", BOARD,
                "kind", "RECEIPT", "quantity", "1000", "occurredAt", shippedAt.minusSeconds(60).toString()));
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        milestone(n, shipment, n.supplier(), Map.of("milestone", "SHIPPED", "at", shippedAt.toString()));
        return shipment;
    }

    @Test
    void theAcceptedQuantityIsInvoicedTheRejectedCreditedAndUnpaidInstalmentsBecomeOverdueAfterTheirGrace() {
        TradeNet n = net();
        Instant now = Instant.now();
        String shipment = ship(n, "inv", now.minus(Duration.ofDays(10)));
        // A second unit shipped 5 days ago and delivered a day ago, not yet accepted (shipped first: once the buyer's stock
        // is above its buffer, a hold would keep further units from leaving).
        String second = ship(n, "inv2", now.minus(Duration.ofDays(5)));
        milestone(n, second, n.buyer(), Map.of("milestone", "DELIVERED", "at", now.minus(Duration.ofDays(1)).toString()));
        milestone(n, shipment, n.buyer(), Map.of("milestone", "DELIVERED", "at", now.minus(Duration.ofDays(8)).toString()));
        milestone(n, shipment, n.buyer(), Map.of("milestone", "ACCEPTED", "accepted", "19", "rejected", "1",
                "at", now.minus(Duration.ofDays(7)).toString()));

        List<Map<String, Object>> items = api.get("/api/v1/nodes/" + n.buyer() + "/invoices", n.key(n.buyer())).at("items");
        assertThat(items).extracting(i -> i.get("kind") + " " + i.get("amount") + " " + i.get("currency") + " / " + i.get("display"))
                .containsExactlyInAnyOrder("INVOICE 7391.00 EUR / 7,391.00 EUR", "CREDIT_NOTE 389.00 EUR / 389.00 EUR");
        assertThat(api.get("/api/v1/nodes/" + n.supplier() + "/invoices", n.key(n.supplier())).<List<?>>at("items")).hasSize(2);
        assertThat(api.get("/api/v1/nodes/" + n.buyer() + "/invoices", n.key(n.outsider())).status()).isEqualTo(403);
        String invoiceId = items.stream().filter(i -> i.get("kind").equals("INVOICE")).findFirst().orElseThrow().get("id").toString();
        String creditId = items.stream().filter(i -> i.get("kind").equals("CREDIT_NOTE")).findFirst().orElseThrow().get("id").toString();

        // 30/30/40 of 7,391.00 = 2,217.30 + 2,217.30 + 2,956.40, due at SHIPPED (10 d ago), DELIVERED (8 d), ACCEPTED (7 d):
        // all past due + 2 days of grace and unpaid, so all overdue.
        Api.Response invoice = api.get("/api/v1/invoices/" + invoiceId, n.key(n.supplier()));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(200);
        assertThat(invoice.<String>at("quantity")).isEqualTo("19");
        assertThat(invoice.<String>at("unitPrice")).isEqualTo("389.00");
        List<Map<String, Object>> instalments = invoice.at("instalments");
        assertThat(instalments).extracting(i -> i.get("trigger") + " " + i.get("amount") + " " + i.get("overdue"))
                .containsExactly("SHIPPED 2217.30 true", "DELIVERED 2217.30 true", "ACCEPTED 2956.40 true");
        assertThat(invoice.<Number>at("ledger.index")).isNotNull();
        Api.Response credit = api.get("/api/v1/invoices/" + creditId, n.key(n.buyer()));
        assertThat(credit.<String>at("amount")).isEqualTo("389.00");
        assertThat(credit.<String>at("quantity")).isEqualTo("1");
        assertThat(credit.<List<?>>at("instalments")).isEmpty();
        assertThat(api.get("/api/v1/invoices/" + invoiceId, n.key(n.outsider())).status()).as("an outsider sees no invoice").isEqualTo(404);
        assertThat(api.get("/api/v1/invoices/" + invoiceId, OPERATOR).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/invoices/nope-" + run, n.key(n.buyer())).status()).isEqualTo(404);
        assertThat(ledgerAudit.run().findings().stream().filter(f -> f.contains(invoiceId) || f.contains(creditId)).toList()).isEmpty();

        // The buyer never paid. Due and past their grace: the invoice's three instalments and the second unit's SHIPPED
        // instalment (30 % of 7,780.00 = 2,334.00, due 5 days ago); its DELIVERED instalment, due a day ago, is within its
        // grace, neither overdue nor counted. None paid → c = 0 (it was 1.0 when only payments counted): below ½, the
        // logistics rhythm asks for an advance.
        assertThat(sync(n)).isZero();
        // Paying the SHIPPED instalment (due 10 days ago) a day after it fell due makes it on time: c = 1/4.
        Api.Response paid = api.postJson("/api/v1/payments", n.key(n.buyer()), Map.of("id", "ip-" + run, "payee", n.supplier(),
                "amount", "2217.30", "currency", "EUR", "paidAt", now.minus(Duration.ofDays(9)).toString(),
                "allocations", List.of(Map.of("shipment", shipment, "line", 1, "trigger", "SHIPPED"))));
        assertThat(paid.status()).as(paid.text()).isEqualTo(201);
        assertThat(sync(n)).isEqualTo(0.25);
        assertThat(api.get("/api/v1/invoices/" + invoiceId, n.key(n.buyer())).<List<Map<String, Object>>>at("instalments"))
                .extracting(i -> i.get("trigger") + " open " + i.get("open") + " " + i.get("overdue"))
                .containsExactly("SHIPPED open 0.00 false", "DELIVERED open 2217.30 true", "ACCEPTED open 2956.40 true");
        Api.Response rhythm = api.postJson("/api/v1/corrections", n.key(n.buyer()),
                Map.of("supplier", n.supplier(), "capitalTurnover", 12, "inventoryTurnover", 8));
        assertThat(rhythm.<Boolean>at("proposal.rhythm.advanceRequired")).as(rhythm.text()).isTrue();
        // Interval 7 d × (1 + 3/4) = 294 h, batch 100 × max(0.5, 1/4) = 50.
        Api.Response plan = api.get("/api/v1/rhythm?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.supplier()));
        assertThat(plan.<Number>at("creditRecord").doubleValue()).isEqualTo(0.25);
        assertThat(plan.<String>at("interval")).isEqualTo("PT294H");
        assertThat(plan.<Number>at("batch").doubleValue()).isEqualTo(50);
    }

    double sync(TradeNet n) {
        Api.Response sync = api.get("/api/v1/payments/sync?buyer=" + n.buyer() + "&supplier=" + n.supplier(), n.key(n.supplier()));
        assertThat(sync.status()).as(sync.text()).isEqualTo(200);
        return sync.<Number>at("creditRecord").doubleValue();
    }
}
