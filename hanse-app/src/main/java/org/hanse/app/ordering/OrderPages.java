package org.hanse.app.ordering;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hanse.app.dictionary.MaterialDictionary;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Link;
import org.hanse.app.security.Principal;
import org.hanse.app.web.Page;
import org.hanse.app.web.Polling;
import org.hanse.core.order.OrderEvent;
import org.hanse.core.order.OrderLifecycle;
import org.hanse.core.order.OrderState;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's orders panel: orders in and out with decision, urgency and due date, the supplier's override,
 * the buyer's reschedule into the proposed window and withdrawal, the maker's approval or discard of planned component
 * orders, a form to place an order, and the chain schedule.
 * Every action goes through {@link Orders} with the signed-in person's principal, exactly as over the API.
 */
@Page
class OrderPages {

    private final Orders orders;
    private final OrderEvidence evidence;
    private final OrderRepository repository;
    private final Adjacency adjacency;
    private final MaterialDictionary dictionary;
    private final Clock clock;
    private final PlannedOrders planned;

    OrderPages(Orders orders, OrderRepository repository, Adjacency adjacency, MaterialDictionary dictionary, Clock clock,
               OrderEvidence evidence, PlannedOrders planned) {
        this.planned = planned;
        this.orders = orders;
        this.evidence = evidence;
        this.repository = repository;
        this.adjacency = adjacency;
        this.dictionary = dictionary;
        this.clock = clock;
    }

    /** A supplier and material the node may order, with the unit the dictionary counts it in. */
    record Orderable(String supplier, String material, String name, String unit) {
        public String value() {
            return supplier + "|" + material;
        }
    }

    /** An order as a row: who is on the other side and what the signed-in node may do with it now. */
    record Row(StoredOrder order, String counterpart, String material, String quantity, String unit, String proposedEarliest,
               String proposedDue, boolean mayAccept, boolean mayReject, boolean mayReschedule, boolean mayWithdraw,
               boolean mayApprove) {
    }

    @GetMapping("/ui/nodes/{id}/orders")
    String panel(@PathVariable String id, Principal principal, Model model) {
        principal.requireSelfOrOperator(id);
        form(id, model, null, null);
        list(id, principal, model);
        return "ordering/orders :: panel";
    }

    @GetMapping("/ui/nodes/{id}/orders/list")
    String poll(@PathVariable String id, @RequestParam(required = false) String since, Principal principal, Model model,
                HttpServletResponse response) {
        principal.requireSelfOrOperator(id);
        list(id, principal, model);
        if (Polling.unchanged(since, (String) model.getAttribute("fingerprint"), response)) {
            return null;
        }
        return "ordering/orders :: list";
    }

    @PostMapping("/ui/nodes/{id}/orders")
    String place(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal, Model model, HttpServletResponse response) {
        principal.requireSelfOrOperator(id);
        List<Problem> problems = new ArrayList<>();
        String[] pair = form.getOrDefault("item", "").split("\\|", 2);
        if (pair.length != 2) {
            problems.add(new Problem("item", "choose a supplier and material"));
        }
        Instant due = null;
        try {
            due = LocalDate.parse(form.getOrDefault("due", "")).atTime(12, 0).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new Problem("due", "must be a date"));
        }
        String placed = null;
        if (problems.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", form.get("id"));
            body.put("supplier", pair[0]);
            String unit = unitOf(id, pair[1]);
            body.put("lines", List.of(Map.of("material", pair[1], "quantity", form.getOrDefault("quantity", ""), "unit", unit)));
            Instant now = clock.instant();
            body.put("earliest", now.toString());
            body.put("due", due.toString());
            body.put("priority", "HIGH".equals(form.get("priority")) ? "HIGH" : "NORMAL");
            try {
                placed = orders.place(body, principal).order().id();
            } catch (InvalidInputException invalid) {
                problems.addAll(invalid.problems());
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            form(id, model, form, problems);
            return "ordering/orders :: form";
        }
        form(id, model, null, null);
        model.addAttribute("placed", orders.read(placed, principal));
        response.setHeader("HX-Trigger", "orders-changed");
        return "ordering/orders :: form";
    }

    @PostMapping("/ui/orders/{order}/override")
    String override(@PathVariable String order, @RequestParam String decision, @RequestParam(required = false) String reason,
                    Principal principal, Model model) {
        StoredOrder o = orders.override(order, decision, reason == null || reason.isBlank() ? "decided in the workspace" : reason, principal);
        return refreshed(o.supplier(), principal, model);
    }

    @PostMapping("/ui/orders/{order}/reschedule")
    String reschedule(@PathVariable String order, Principal principal, Model model) {
        StoredOrder o = orders.read(order, principal);
        Row row = row(o, o.buyer());
        if (row.proposedDue() == null) {
            throw new InvalidInputException("window", "the supplier proposed no window to reschedule into");
        }
        orders.resubmit(order, Map.of("earliest", row.proposedEarliest(), "due", row.proposedDue()), principal);
        return refreshed(o.buyer(), principal, model);
    }

    @PostMapping("/ui/orders/{order}/withdraw")
    String withdraw(@PathVariable String order, Principal principal, Model model) {
        StoredOrder o = orders.withdraw(order, principal);
        return refreshed(o.buyer(), principal, model);
    }

    @PostMapping("/ui/nodes/{id}/planned-orders/{order}/{action:approve|discard}")
    String decidePlanned(@PathVariable String id, @PathVariable String order, @PathVariable String action, Principal principal,
                         Model model) {
        if ("approve".equals(action)) {
            planned.approve(id, order, principal);
        } else {
            planned.discard(id, order, principal);
        }
        return refreshed(id, principal, model);
    }

    /** One order with its decision and the backward-derived chain schedule. */
    @GetMapping("/ui/orders/{order}")
    String detail(@PathVariable String order, Principal principal, Model model) {
        StoredOrder o = orders.read(order, principal);
        model.addAttribute("order", o);
        model.addAttribute("chain", orders.chain(order, principal));
        // Where the order sits in the network's tamper-evident ledger (absent only for orders older than the ledger).
        model.addAttribute("ledger", evidence.json(o, principal.nodeId()).get("ledger"));
        return "ordering/order";
    }

    private String refreshed(String node, Principal principal, Model model) {
        list(node, principal, model);
        return "ordering/orders :: list";
    }

    private void list(String id, Principal principal, Model model) {
        List<StoredOrder> all = repository.of(id, "any", 100);
        List<Row> in = new ArrayList<>();
        List<Row> out = new ArrayList<>();
        for (StoredOrder o : all) {
            (o.supplier().equals(id) ? in : out).add(row(o, id));
        }
        model.addAttribute("nodeId", id);
        model.addAttribute("incoming", in);
        model.addAttribute("outgoing", out);
        model.addAttribute("acts", principal.isNode(id));
        model.addAttribute("fingerprint", Polling.fingerprint(all.stream().map(o -> o.id() + o.status() + o.outcome() + o.revision()).toList()));
    }

    @SuppressWarnings("unchecked")
    private Row row(StoredOrder o, String viewer) {
        boolean supplierView = o.supplier().equals(viewer);
        Map<String, Object> line = o.lines().isEmpty() ? Map.of() : o.lines().get(0);
        Map<String, Object> window = (Map<String, Object>) o.decision().get("proposedWindow");
        String earliest = window == null ? null : String.valueOf(window.get("earliest"));
        String due = window == null ? null : String.valueOf(window.get("due"));
        return new Row(o, supplierView ? o.buyer() : o.supplier(), String.valueOf(line.getOrDefault("material", "")),
                String.valueOf(line.getOrDefault("quantity", "")), String.valueOf(line.getOrDefault("unit", "")), earliest, due,
                supplierView && o.status() == OrderState.REJECTED,
                // Offered only while the life cycle allows it: no rejection once goods have left, no withdrawal either.
                supplierView && OrderLifecycle.allows(o.status(), OrderEvent.OVERRIDE_REJECT),
                !supplierView && o.status() == OrderState.REJECTED && o.parentId() == null && due != null,
                !supplierView && o.status() != OrderState.WITHDRAWN && OrderLifecycle.allows(o.status(), OrderEvent.WITHDRAW) && o.parentId() == null,
                // A planned component order waits for its maker (this buyer): approve sends it, discard drops it.
                !supplierView && o.status() == OrderState.PLANNED);
    }

    /** The unit the buyer counts the material in (its BOM mapping), else the dictionary's, else pieces. */
    private String unitOf(String buyer, String material) {
        return adjacency.mapping(buyer, material).map(m -> m.unit().code())
                .orElseGet(() -> dictionary.find(material).map(MaterialDictionary.PlatformMaterial::unit).orElse("H87"));
    }

    private void form(String id, Model model, Map<String, String> values, List<Problem> problems) {
        List<Orderable> orderable = new ArrayList<>();
        for (Link link : adjacency.acceptedLinksOf(id)) {
            if (link.buyer().equals(id)) {
                for (String material : link.materials()) {
                    var known = dictionary.find(material);
                    orderable.add(new Orderable(link.supplier(), material, known.map(MaterialDictionary.PlatformMaterial::name).orElse(material),
                            unitOf(id, material)));
                }
            }
        }
        model.addAttribute("nodeId", id);
        model.addAttribute("orderable", orderable);
        model.addAttribute("values", values == null ? Map.of() : values);
        model.addAttribute("errors", problems);
        // A fresh id per form: submitting the same form twice is one order (the API's idempotent replay).
        model.addAttribute("formId", values != null && values.get("id") != null ? values.get("id") : "ui-" + UUID.randomUUID());
        model.addAttribute("defaultDue", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(14).toString());
    }
}
