package org.hanse.app.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.app.security.Principal;
import org.hanse.app.web.Page;
import org.hanse.core.payment.Milestone;
import org.hanse.core.payment.PaymentTerms;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The workspace's shipments and payments panel: recent logistics units with their last milestone, and the instalments still open. */
@Page
class PaymentPages {

    static final int UNITS = 30;

    private final Payments payments;
    private final ShipmentBook shipments;
    private final Clock clock;

    PaymentPages(Payments payments, ShipmentBook shipments, Clock clock) {
        this.payments = payments;
        this.shipments = shipments;
        this.clock = clock;
    }

    /** A logistics unit on its way or arrived. */
    record Shipment(String shipment, int line, String order, String counterpart, boolean outbound, String value, String milestone, Instant at) {
    }

    /** An instalment not fully paid: to pay (the node is the buyer) or to receive. */
    record Open(String shipment, int line, String counterpart, boolean toPay, String trigger, String open, String currency, Instant dueAt,
                boolean overdue) {
    }

    @GetMapping("/ui/nodes/{id}/money")
    String panel(@PathVariable String id, Principal principal, Model model) {
        principal.requireSelfOrOperator(id);
        Instant now = clock.instant();
        List<Shipment> units = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        List<ShipmentBook.Unit> recent = shipments.unitsOf(id, UNITS);
        Map<String, BigDecimal> paid = payments.paidByInstalment(recent.stream().map(ShipmentBook.Unit::shipment).distinct().toList());
        Map<String, PaymentTerms> terms = new HashMap<>();
        for (ShipmentBook.Unit u : recent) {
            boolean buyer = u.buyer().equals(id);
            String other = buyer ? u.supplier() : u.buyer();
            var last = u.reached().entrySet().stream().max(java.util.Map.Entry.comparingByValue());
            units.add(new Shipment(u.shipment(), u.line(), u.order(), other, !buyer, u.value().toString(),
                    last.map(e -> e.getKey().name()).orElse("CREATED"), last.map(java.util.Map.Entry::getValue).orElse(null)));
            PaymentTerms applicable = terms.computeIfAbsent(u.buyer() + "/" + u.supplier() + "/" + u.order(),
                    k -> payments.applicable(u.buyer(), u.supplier(), u.order()));
            for (PaymentTerms.Due due : applicable.due(u.value(), u.reached())) {
                BigDecimal rest = due.amount().amount().subtract(paid.getOrDefault(u.shipment() + "/" + u.line() + "/" + due.trigger(), BigDecimal.ZERO));
                if (rest.signum() > 0) {
                    open.add(new Open(u.shipment(), u.line(), other, buyer, due.trigger(), rest.toPlainString(), due.amount().currency().getCurrencyCode(),
                            due.dueAt(), due.dueAt() != null && due.dueAt().isBefore(now)));
                }
            }
        }
        open.sort(Comparator.comparing(Open::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        model.addAttribute("units", units);
        model.addAttribute("open", open);
        model.addAttribute("delivered", Milestone.DELIVERED.name());
        return "payments/money :: list";
    }
}
