package org.hanse.app.finance;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hanse.app.logistics.InvoiceBook;
import org.hanse.app.inventory.StockBook;
import org.hanse.app.logistics.InvoiceEvidence;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.app.logistics.ShipmentEvidence;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.payments.CreditRecords;
import org.hanse.app.relations.RelationLedger;
import org.hanse.app.security.Principal;
import org.hanse.app.trust.TrustLedger;
import org.springframework.stereotype.Service;

/**
 * What a lender sees of an applicant that consented: its orders with states and decisions, invoices and credit notes,
 * trust held and given per counterparty and the counterparties' certification, each record with its ledger reference.
 * Read through the owning modules' public APIs only.
 */
@Service
class EvidenceView {

    /** Newest records per section: enough for a credit decision, bounded for the response. */
    static final int LIMIT = 500;

    private final Consents consents;
    private final OrderBook orders;
    private final InvoiceBook invoices;
    private final InvoiceEvidence invoiceEvidence;
    private final TrustLedger trust;
    private final Certificates certificates;
    private final Sources sources;
    private final FinanceEvidence finance;

    /** The further modules the view reads: shipments, credit record, relationship classes, buffers. */
    record Sources(ShipmentBook shipments, ShipmentEvidence shipmentEvidence, CreditRecords credit, RelationLedger relations, StockBook stock) {
    }

    EvidenceView(Consents consents, OrderBook orders, InvoiceBook invoices, InvoiceEvidence invoiceEvidence, TrustLedger trust,
                 Certificates certificates, ShipmentBook shipments, ShipmentEvidence shipmentEvidence, CreditRecords credit,
                 RelationLedger relations, StockBook stock, FinanceEvidence finance) {
        this.finance = finance;
        this.sources = new Sources(shipments, shipmentEvidence, credit, relations, stock);
        this.consents = consents;
        this.orders = orders;
        this.invoices = invoices;
        this.invoiceEvidence = invoiceEvidence;
        this.trust = trust;
        this.certificates = certificates;
    }

    /** An invoice or credit note in the evidence, amount at the currency's minor unit. */
    record InvoiceRecord(String id, String kind, String order, String shipment, int line, String buyer, String supplier, String amount,
                         String currency, java.time.Instant issuedAt, Map<String, Object> ledger) {
    }

    /** A logistics unit: its value, the milestones it reached (when), the inspection's accepted quantity once accepted. */
    record ShipmentRecord(String shipment, int line, String order, String buyer, String supplier, String value, String currency,
                          Map<String, java.time.Instant> milestones, java.math.BigDecimal delivered, java.math.BigDecimal accepted,
                          Map<String, Object> ledger) {
    }

    /**
     * A counterparty: trust the applicant holds from it and gives to it, the pair's relationship class (applicant as
     * buyer, else as supplier; null when never assessed), the applicant's credit record toward it as buyer, and its
     * core certification (null when none).
     */
    record Counterparty(String node, double trustHeld, double trustGiven, String relationClass, double creditRecordAsBuyer,
                        String coreCertificate) {
    }

    /** The evidence view of one applicant; {@code bufferHealth} is its worst buffer zone now (null without buffers). */
    record Evidence(String applicant, String lender, String coreCertificate, String bufferHealth, List<OrderBook.OrderRecord> orders,
                    List<ShipmentRecord> shipments, List<InvoiceRecord> invoices, List<Counterparty> counterparties) {
    }

    /** The ledger reference of a finance record (null when not recorded). */
    Map<String, Object> reference(String kind, String id) {
        return finance.reference(kind, id).orElse(null);
    }

    Evidence of(String lender, String node, Principal principal) {
        consents.requireConsent(lender, node, principal);
        List<OrderBook.OrderRecord> orderRecords = orders.recordsOf(node, LIMIT);
        List<InvoiceRecord> invoiceRecords = invoices.of(node, LIMIT).stream().map(i -> new InvoiceRecord(i.id(), i.kind().name(), i.order(),
                i.shipment(), i.line(), i.buyer(), i.supplier(), i.amount().plain(), i.amount().currency().getCurrencyCode(), i.issuedAt(),
                invoiceEvidence.reference(i).orElse(null))).toList();
        TreeSet<String> others = new TreeSet<>();
        orderRecords.forEach(o -> others.add(o.buyer().equals(node) ? o.supplier() : o.buyer()));
        List<Counterparty> counterparties = others.stream().map(c -> new Counterparty(c, trust.value(c, node), trust.value(node, c),
                sources.relations().relationClass(node, c).or(() -> sources.relations().relationClass(c, node)).orElse(null),
                sources.credit().of(node, c), certificates.coreCertificate(c).orElse(null))).toList();
        return new Evidence(node, lender, certificates.coreCertificate(node).orElse(null), sources.stock().worstZones().get(node),
                orderRecords, shipments(node), invoiceRecords, counterparties);
    }

    private List<ShipmentRecord> shipments(String node) {
        return sources.shipments().unitsOf(node, LIMIT).stream().map(u -> {
            Map<String, java.time.Instant> reached = new java.util.TreeMap<>();
            u.reached().forEach((m, at) -> reached.put(m.name(), at));
            var inspection = sources.shipments().inspection(u.shipment());
            return new ShipmentRecord(u.shipment(), u.line(), u.order(), u.buyer(), u.supplier(), u.value().plain(),
                    u.value().currency().getCurrencyCode(), reached, inspection.map(ShipmentBook.Inspection::delivered).orElse(null),
                    inspection.map(ShipmentBook.Inspection::accepted).orElse(null), sources.shipmentEvidence().reference(u.shipment()).orElse(null));
        }).toList();
    }
}
