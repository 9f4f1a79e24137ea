package org.hanse.app.logistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hanse.app.ledger.Evidence;
import org.hanse.app.ledger.EvidenceLedger;
import org.hanse.app.ledger.LedgerRecords;
import org.springframework.stereotype.Component;

/** Invoices and credit notes in the evidence ledger, built from the stored row when issued and when audited. */
@Component
public class InvoiceEvidence implements LedgerRecords {

    static final String INVOICE = "invoice.issued";
    static final String CREDIT_NOTE = "credit-note.issued";

    private final EvidenceLedger ledger;
    private final InvoiceBook book;

    InvoiceEvidence(EvidenceLedger ledger, InvoiceBook book) {
        this.ledger = ledger;
        this.book = book;
    }

    void record(String id) {
        InvoiceBook.Invoice invoice = book.find(id).orElseThrow();
        ledger.append(kind(invoice.kind()), id, evidence(invoice));
    }

    /** The ledger reference ({@code index}, {@code proof}) of an invoice or credit note. */
    public Optional<Map<String, Object>> reference(InvoiceBook.Invoice invoice) {
        return ledger.reference(kind(invoice.kind()), invoice.id());
    }

    @Override
    public Set<String> kinds() {
        return Set.of(INVOICE, CREDIT_NOTE);
    }

    @Override
    public Optional<Evidence> evidence(String kind, String recordId) {
        return book.find(recordId).filter(i -> kind(i.kind()).equals(kind)).map(InvoiceEvidence::evidence);
    }

    private static String kind(InvoiceBook.Kind kind) {
        return kind == InvoiceBook.Kind.INVOICE ? INVOICE : CREDIT_NOTE;
    }

    private static Evidence evidence(InvoiceBook.Invoice i) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", i.id());
        r.put("kind", i.kind().name());
        r.put("shipment", i.shipment());
        r.put("line", i.line());
        r.put("order", i.order());
        r.put("material", i.material());
        r.put("quantity", i.quantity().stripTrailingZeros().toPlainString());
        r.put("unitPrice", i.unitPrice().stripTrailingZeros().toPlainString());
        r.put("amount", i.amount().plain());
        r.put("currency", i.amount().currency().getCurrencyCode());
        r.put("issuedAt", i.issuedAt().toString());
        return new Evidence(List.of(i.buyer(), i.supplier()), r);
    }
}
