package org.hanse.app.payments;

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
import org.hanse.core.payment.Money;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The workspace's shipments and payments panel: recent logistics units with their last milestone, and the instalments still open. */
@Page
class PaymentPages {

    static final int UNITS = 30;

    private final Instalments instalments;
    private final ShipmentBook shipments;

    PaymentPages(Instalments instalments, ShipmentBook shipments) {
        this.instalments = instalments;
        this.shipments = shipments;
    }

    /** A logistics unit on its way or arrived. */
    record Shipment(String shipment, int line, String order, String counterpart, boolean outbound, String value, String milestone, Instant at) {
    }

    /** An instalment not fully paid: to pay (the node is the buyer) or to receive; overdue only after due + grace. */
    record Open(String shipment, int line, String counterpart, boolean toPay, String trigger, String open, Instant dueAt, boolean overdue) {
    }

    @GetMapping("/ui/nodes/{id}/money")
    String panel(@PathVariable String id, Principal principal, Model model) {
        principal.requireSelfOrOperator(id);
        List<Shipment> units = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        List<ShipmentBook.Unit> recent = shipments.unitsOf(id, UNITS);
        Map<String, String> counterparts = new HashMap<>();
        for (ShipmentBook.Unit u : recent) {
            boolean buyer = u.buyer().equals(id);
            String other = buyer ? u.supplier() : u.buyer();
            counterparts.put(u.shipment() + "/" + u.line(), other);
            var last = u.reached().entrySet().stream().max(java.util.Map.Entry.comparingByValue());
            units.add(new Shipment(u.shipment(), u.line(), u.order(), other, !buyer, u.value().display(),
                    last.map(e -> e.getKey().name()).orElse("CREATED"), last.map(java.util.Map.Entry::getValue).orElse(null)));
        }
        for (Instalments.State s : instalments.of(recent)) {
            if (s.open().signum() > 0) {
                String other = counterparts.get(s.shipment() + "/" + s.line());
                boolean toPay = recent.stream().anyMatch(u -> u.shipment().equals(s.shipment()) && u.buyer().equals(id));
                open.add(new Open(s.shipment(), s.line(), other, toPay, s.trigger(), new Money(s.open(), s.amount().currency()).display(),
                        s.dueAt(), s.overdue()));
            }
        }
        open.sort(Comparator.comparing(Open::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        model.addAttribute("units", units);
        model.addAttribute("open", open);
        model.addAttribute("delivered", Milestone.DELIVERED.name());
        return "payments/money :: list";
    }
}
