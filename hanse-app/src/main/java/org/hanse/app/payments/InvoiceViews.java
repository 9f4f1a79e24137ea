package org.hanse.app.payments;

import java.util.List;
import java.util.Map;
import org.hanse.app.logistics.InvoiceBook;
import org.hanse.app.logistics.InvoiceEvidence;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.app.security.Principal;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.node.OwnedId;
import org.hanse.core.payment.Money;
import org.springframework.stereotype.Service;

/**
 * Invoices and credit notes for their buyer and supplier (and the operator): the list of a node's, and one with its
 * instalments. Amounts are strings at the currency's minor unit ("7391.00"), with {@code display} for people.
 */
@Service
class InvoiceViews {

    /** Most invoices and credit notes a node's list shows. */
    static final int LIST_LIMIT = 200;

    /** An invoice or credit note in a list. */
    record Summary(String id, String kind, String shipment, int line, String order, String buyer, String supplier, String amount,
                   String currency, String display, String issuedAt) {
    }

    /** A node's invoices and credit notes, newest first. */
    record Listing(List<Summary> items) {
    }

    /** One instalment of an invoice: amounts at the minor unit; {@code dueAt} null until its milestone is reached. */
    record Instalment(String trigger, String amount, String paid, String open, String dueAt, boolean overdue) {
    }

    /** One invoice or credit note; a credit note has no instalments. */
    record Detail(String id, String kind, String shipment, int line, String order, String buyer, String supplier, String material,
                  String quantity, String unitPrice, String amount, String currency, String display, String issuedAt,
                  List<Instalment> instalments, Map<String, Object> ledger) {
    }

    private final InvoiceBook book;
    private final InvoiceEvidence evidence;
    private final ShipmentBook shipments;
    private final Instalments instalments;

    InvoiceViews(InvoiceBook book, InvoiceEvidence evidence, ShipmentBook shipments, Instalments instalments) {
        this.book = book;
        this.evidence = evidence;
        this.shipments = shipments;
        this.instalments = instalments;
    }

    Listing of(String node, Principal principal) {
        principal.requireSelfOrOperator(node);
        String viewer = principal.isOperator() ? null : node;
        return new Listing(book.of(node, LIST_LIMIT).stream().map(i -> new Summary(i.id(), i.kind().name(), OwnedId.shown(i.shipment(), viewer),
                i.line(), i.order(), i.buyer(), i.supplier(), i.amount().plain(), code(i.amount()), i.amount().display(),
                i.issuedAt().toString())).toList());
    }

    /** One invoice for its buyer, its supplier or the operator; to anyone else it does not exist (404, like an unknown id). */
    Detail read(String id, Principal principal) {
        String caller = principal.isOperator() ? null : principal.requireNode();
        InvoiceBook.Invoice i = book.find(id).filter(x -> caller == null || caller.equals(x.buyer()) || caller.equals(x.supplier()))
                .orElseThrow(() -> new NotFoundException("invoice " + id + " does not exist"));
        List<Instalment> due = i.kind() != InvoiceBook.Kind.INVOICE ? List.of()
                : shipments.unit(i.shipment(), i.line()).map(instalments::of).orElse(List.of()).stream()
                        .map(s -> new Instalment(s.trigger(), s.amount().plain(), new Money(s.paid(), s.amount().currency()).plain(),
                                new Money(s.open(), s.amount().currency()).plain(), s.dueAt() == null ? null : s.dueAt().toString(), s.overdue()))
                        .toList();
        return new Detail(i.id(), i.kind().name(), OwnedId.shown(i.shipment(), caller), i.line(), i.order(), i.buyer(), i.supplier(),
                i.material(), i.quantity().stripTrailingZeros().toPlainString(), price(i.unitPrice(), i.amount()),
                i.amount().plain(), code(i.amount()), i.amount().display(), i.issuedAt().toString(), due, evidence.reference(i).orElse(null));
    }

    /** A unit price at the currency's minor unit ("389.00"), or exact when a unit was typed with finer digits. */
    private static String price(java.math.BigDecimal unitPrice, Money of) {
        return Money.exactInMinorUnits(unitPrice, of.currency()) ? new Money(unitPrice, of.currency()).plain() : unitPrice.stripTrailingZeros().toPlainString();
    }

    private static String code(Money m) {
        return m.currency().getCurrencyCode();
    }
}
