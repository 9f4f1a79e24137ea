package org.hanse.app.finance;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hanse.app.logistics.InvoiceBook;
import org.hanse.app.logistics.InvoiceEvidence;
import org.hanse.app.ordering.OrderBook;
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

    EvidenceView(Consents consents, OrderBook orders, InvoiceBook invoices, InvoiceEvidence invoiceEvidence, TrustLedger trust,
                 Certificates certificates) {
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

    /** A counterparty: trust the applicant holds from it and gives to it, and its core certification (null when none). */
    record Counterparty(String node, double trustHeld, double trustGiven, String coreCertificate) {
    }

    /** The evidence view of one applicant. */
    record Evidence(String applicant, String lender, String coreCertificate, List<OrderBook.OrderRecord> orders,
                    List<InvoiceRecord> invoices, List<Counterparty> counterparties) {
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
                certificates.coreCertificate(c).orElse(null))).toList();
        return new Evidence(node, lender, certificates.coreCertificate(node).orElse(null), orderRecords, invoiceRecords, counterparties);
    }
}
