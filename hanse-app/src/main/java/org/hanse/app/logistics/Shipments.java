package org.hanse.app.logistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hanse.app.inventory.HoldBook;
import org.hanse.app.inventory.StockBook;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.OwnedKeys;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.payment.Milestone;
import org.hanse.core.node.OwnedId;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipments against orders. The supplier creates logistics units (one per line) and records SHIPPED and IN_TRANSIT
 * checkpoints; the buyer records DELIVERED (its stock receives the goods, referencing the order) and ACCEPTED with the
 * accepted and rejected quantities (rejected goods leave its stock again). Milestones follow their order: a repeat
 * changes nothing, a skipped one is refused.
 */
@Service
class Shipments {

    private final JdbcClient jdbc;
    private final OrderBook orders;
    private final StockBook stock;
    private final NodeEvents events;
    private final Clock clock;
    private final ShipmentPlanning planning;
    private final AdvancePayments advances;
    private final ApplicationEventPublisher publisher;
    private final ShipmentEvidence evidence;
    private final HoldBook holds;
    private final ShipmentStock goods;
    private final InvoiceIssuer invoices;

    Shipments(JdbcClient jdbc, OrderBook orders, StockBook stock, NodeEvents events, Clock clock, ShipmentPlanning planning,
              AdvancePayments advances, ApplicationEventPublisher publisher, ShipmentEvidence evidence, HoldBook holds,
              ShipmentStock goods, InvoiceIssuer invoices) {
        this.invoices = invoices;
        this.holds = holds;
        this.goods = goods;
        this.publisher = publisher;
        this.evidence = evidence;
        this.planning = planning;
        this.advances = advances;
        this.jdbc = jdbc;
        this.orders = orders;
        this.stock = stock;
        this.events = events;
        this.clock = clock;
    }

    /** A shipment as posted by the supplier. */
    record Create(String id, String order, List<Line> lines) {
        /**
         * A logistics unit: material, quantity in the supplier's unit, unit price and ISO 4217 currency; {@code dropShip}
         * when it leaves from the supplier's own supplier (no stock of the supplier moves).
         */
        record Line(String material, String quantity, String unitPrice, String currency, Boolean dropShip) {
            boolean dropShipped() {
                return Boolean.TRUE.equals(dropShip);
            }
        }
    }

    /** Shipments: ids chosen by the supplier, visible to the buyer. */
    static final OwnedKeys.Table SHIPMENTS = new OwnedKeys.Table("shipment", "supplier_id", "buyer_id");

    @Transactional
    Outcome create(Create c, Principal principal) {
        String supplier = principal.requireNode();
        List<Problem> problems = new ArrayList<>();
        if (c.id() == null || !c.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
            problems.add(new Problem("id", "is required: 1 to 80 letters, digits, '.', '_' or '-'"));
        }
        OrderBook.OrderFacts order = c.order() == null ? null : orders.factsFor(supplier, c.order()).orElse(null);
        if (order == null) {
            problems.add(new Problem("order", "must be an existing order"));
        } else if (!order.supplier().equals(supplier)) {
            throw new ForbiddenException("only the supplier of order " + c.order() + " ships against it");
        }
        if (c.lines() == null || c.lines().isEmpty()) {
            problems.add(new Problem("lines", "must list at least one logistics unit"));
        }
        List<Object[]> rows = new ArrayList<>();
        Map<String, Double> shipping = new LinkedHashMap<>();
        for (int i = 0; c.lines() != null && i < c.lines().size(); i++) {
            Create.Line l = c.lines().get(i);
            String at = "lines[" + i + "]";
            BigDecimal quantity = decimal(l.quantity());
            BigDecimal price = decimal(l.unitPrice());
            if (order != null && !order.quantities().containsKey(l.material())) {
                problems.add(new Problem(at + ".material", "is not on order " + c.order()));
            }
            if (quantity == null || quantity.signum() <= 0) {
                problems.add(new Problem(at + ".quantity", "must be a number greater than 0"));
            } else if (Numbers.read(at + ".quantity", quantity, Numbers.QUANTITY, problems) == null) {
                quantity = null;
            }
            if (price == null || price.signum() < 0) {
                problems.add(new Problem(at + ".unitPrice", "must be a number ≥ 0"));
            } else if (Numbers.read(at + ".unitPrice", price, Numbers.MONEY, problems) == null) {
                price = null;
            }
            Currency currency = null;
            try {
                currency = l.currency() == null ? null : Currency.getInstance(l.currency());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (currency == null) {
                problems.add(new Problem(at + ".currency", "must be an ISO 4217 code such as EUR"));
            }
            if (l.dropShipped() && l.material() != null && !goods.dropShipAllowed(supplier, l.material())) {
                problems.add(new Problem(at + ".dropShip", "needs an order of " + l.material() + " with one of " + supplier + "'s suppliers"));
            }
            if (quantity != null && l.material() != null) {
                shipping.merge(l.material(), quantity.doubleValue(), Double::sum);
            }
            rows.add(new Object[] {l.material(), quantity, price, currency, l.dropShipped()});
        }
        // A repeated request is answered before the remaining quantity is checked (it would count itself).
        String hash = Sha256.hex(c.order() + "|" + c.lines());
        if (problems.isEmpty()) {
            Optional<String> own = OwnedKeys.own(jdbc, SHIPMENTS, supplier, c.id());
            if (own.isPresent()) {
                String stored = jdbc.sql("SELECT content_hash FROM shipment WHERE id = ?").param(own.get()).query(String.class).single();
                if (stored.equals(hash)) {
                    return new Outcome(read(own.get(), principal), false);
                }
                throw new ConflictException("shipment " + c.id() + " already exists with other content");
            }
        }
        if (order != null && problems.isEmpty()) {
            for (Map.Entry<String, Double> e : shipping.entrySet()) {
                double shipped = alreadyShipped(order.id(), e.getKey());
                double ordered = order.quantities().get(e.getKey());
                if (shipped + e.getValue() > ordered + 1e-9) {
                    problems.add(new Problem("lines", "shipping " + e.getValue() + " of " + e.getKey() + " would exceed the "
                            + ordered + " ordered (" + shipped + " already shipped)"));
                }
            }
        }
        Instant now = clock.instant();
        Optional<ShipmentPlanning.Rhythm> rhythm = order == null ? Optional.empty() : planning.rhythm(order.buyer(), supplier);
        if (rhythm.isPresent() && problems.isEmpty()) {
            double total = shipping.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > rhythm.get().batch() + 1e-9) {
                problems.add(new Problem("lines", "the logistics rhythm limits a shipment to this buyer to " + rhythm.get().batch()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // The life cycle decides whether the order still ships (409 naming its state: rejected, withdrawn, delivered, …).
        orders.requireShippable(order.id());
        // A buffer hold (RULES 3.6) keeps the held quantity here until it is released or expires; the 409 says which.
        holds.requireUnheld(order.id(), shipping.keySet());
        if (rhythm.isPresent()) {
            Optional<Instant> last = jdbc.sql("SELECT MAX(created_at) FROM shipment WHERE buyer_id = ? AND supplier_id = ?")
                    .params(order.buyer(), supplier).query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
            if (last.isPresent() && now.isBefore(last.get().plus(rhythm.get().interval()))) {
                throw new ConflictException("the logistics rhythm spaces shipments to " + order.buyer() + " by " + rhythm.get().interval()
                        + "; the next may leave from " + last.get().plus(rhythm.get().interval()));
            }
        }
        String key = OwnedKeys.newKey(jdbc, SHIPMENTS, supplier, c.id());
        jdbc.sql("INSERT INTO shipment (id, order_id, buyer_id, supplier_id, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(key, order.id(), order.buyer(), supplier, hash, Timestamp.from(now)).update();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            jdbc.sql("INSERT INTO shipment_line (shipment_id, line_no, material, quantity, unit_price, currency, drop_ship) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(key, i + 1, r[0], r[1], r[2], ((Currency) r[3]).getCurrencyCode(), r[4]).update();
        }
        evidence.recordCreated(key);
        return new Outcome(read(key, principal), true);
    }

    /**
     * The shipment's part of its stock movements' ids: the key itself, or for an owner@id key (OwnedId) a digest of it,
     * since movement ids take no '@' and at most 100 characters.
     */
    private static String movementRef(String key) {
        return key.contains(OwnedId.SEPARATOR) ? Sha256.hex(key).substring(0, 40) : key;
    }

    /** A milestone as posted. */
    record Record(String milestone, String checkpoint, String at, String accepted, String rejected) {
    }

    /** The shipment after the call and whether it changed anything. */
    record Outcome(Map<String, Object> shipment, boolean changed) {
    }

    @Transactional
    Outcome milestone(String given, Record r, Principal principal) {
        String node = principal.requireNode();
        String id = OwnedKeys.require(jdbc, SHIPMENTS, node, given, "shipment");
        Map<String, Object> head = jdbc.sql("SELECT * FROM shipment WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> Map.<String, Object>of("order", rs.getString("order_id"), "buyer", rs.getString("buyer_id"),
                        "supplier", rs.getString("supplier_id")))
                .optional().orElseThrow(() -> new NotFoundException("shipment " + id + " does not exist"));
        String buyer = (String) head.get("buyer");
        String supplier = (String) head.get("supplier");
        if (!node.equals(buyer) && !node.equals(supplier)) {
            throw new ForbiddenException("only the buyer and the supplier record a shipment's milestones");
        }
        Milestone milestone;
        try {
            milestone = Milestone.valueOf(String.valueOf(r.milestone()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("milestone", "must be SHIPPED, IN_TRANSIT, DELIVERED or ACCEPTED");
        }
        boolean supplierSide = milestone == Milestone.SHIPPED || milestone == Milestone.IN_TRANSIT;
        if (supplierSide != node.equals(supplier)) {
            throw new ForbiddenException(supplierSide ? "the supplier records " + milestone : "the buyer records " + milestone);
        }
        Instant now = clock.instant();
        Instant at = now;
        if (r.at() != null) {
            try {
                at = Instant.parse(r.at());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("at", "must be an ISO 8601 instant");
            }
            if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
                throw new InvalidInputException("at", "must not lie in the future");
            }
        }
        String checkpoint = milestone == Milestone.IN_TRANSIT ? Optional.ofNullable(r.checkpoint()).orElse("") : "";
        if (milestone == Milestone.IN_TRANSIT && checkpoint.isBlank()) {
            throw new InvalidInputException("checkpoint", "is required for IN_TRANSIT (e.g. a hub or a border crossing)");
        }
        List<String> recorded = jdbc.sql("SELECT milestone || '/' || checkpoint FROM shipment_milestone WHERE shipment_id = ? ORDER BY recorded_at, milestone")
                .param(id).query(String.class).list();
        Milestone last = recorded.stream().map(s -> Milestone.valueOf(s.substring(0, s.indexOf('/'))))
                .max(java.util.Comparator.naturalOrder()).orElse(null);
        boolean newCheckpoint = !recorded.contains(milestone.name() + "/" + checkpoint);
        Milestone.Step step = Milestone.step(last, milestone, newCheckpoint);
        if (step == Milestone.Step.OUT_OF_ORDER) {
            throw new ConflictException(milestone + " cannot follow " + (last == null ? "nothing" : last) + " for shipment " + id);
        }
        if (step == Milestone.Step.DUPLICATE) {
            return new Outcome(read(id, principal), false);
        }
        if (milestone == Milestone.SHIPPED && planning.rhythm(buyer, supplier).map(ShipmentPlanning.Rhythm::advanceRequired).orElse(false)
                && !advances.advancePaid(id)) {
            throw new ConflictException("the buyer's credit record is below 0.5: shipment " + id
                    + " leaves only after its ADVANCE instalments are paid (agree ADVANCE terms)");
        }
        List<Object[]> lines = jdbc.sql("SELECT line_no, material, quantity, drop_ship FROM shipment_line WHERE shipment_id = ? ORDER BY line_no").param(id)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4)}).list();
        if (milestone == Milestone.SHIPPED) {
            // A hold placed after the unit was created still keeps it from leaving.
            holds.requireUnheld((String) head.get("order"), lines.stream().map(l -> (String) l[1]).distinct().toList());
        }
        BigDecimal delivered = lines.stream().map(l -> (BigDecimal) l[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal accepted = null;
        BigDecimal rejected = null;
        if (milestone == Milestone.ACCEPTED) {
            accepted = decimal(r.accepted());
            rejected = decimal(r.rejected());
            if (accepted == null || rejected == null || accepted.signum() < 0 || rejected.signum() < 0
                    || accepted.add(rejected).compareTo(delivered) != 0) {
                throw new InvalidInputException("accepted", "accepted and rejected must be numbers ≥ 0 adding up to the "
                        + delivered.stripTrailingZeros().toPlainString() + " delivered");
            }
        }
        jdbc.sql("""
                INSERT INTO shipment_milestone (shipment_id, milestone, checkpoint, occurred_at, accepted_qty, rejected_qty, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, milestone.name(), checkpoint, Timestamp.from(at), accepted, rejected, node, Timestamp.from(now)).update();
        String order = (String) head.get("order");
        // The order follows its goods (PARTIALLY_SHIPPED … DELIVERED); 409 naming its state when it no longer ships.
        orders.goodsReached(order, milestone, reached(order, milestone));
        if (milestone == Milestone.SHIPPED) {
            goods.ship(supplier, id, movementRef(id), order, lines.stream()
                    .map(l -> new ShipmentStock.Unit((Integer) l[0], (String) l[1], (BigDecimal) l[2], (Boolean) l[3])).toList(), at);
        }
        if (milestone == Milestone.DELIVERED) {
            for (Object[] l : lines) {
                if (stock.keeps(buyer, (String) l[1])) {
                    stock.record(buyer, "ship:" + movementRef(id) + ":" + l[0], (String) l[1], "RECEIPT", ((BigDecimal) l[2]).toPlainString(), at, order,
                            "delivery of shipment " + id);
                }
            }
        }
        if (milestone == Milestone.ACCEPTED && rejected.signum() > 0) {
            // Rejected goods go back: taken out of the buyer's stock, spread over the lines in proportion.
            for (Object[] l : lines) {
                String material = (String) l[1];
                BigDecimal share = ((BigDecimal) l[2]).multiply(rejected).divide(delivered, 6, java.math.RoundingMode.HALF_UP);
                if (share.signum() > 0 && stock.keeps(buyer, material)) {
                    stock.record(buyer, "reject:" + movementRef(id) + ":" + l[0], material, "ADJUSTMENT", share.negate().toPlainString(), at, order,
                            "rejected at acceptance of shipment " + id);
                }
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipment", id);
        payload.put("order", order);
        payload.put("milestone", milestone.name());
        payload.put("at", at.toString());
        if (!checkpoint.isEmpty()) {
            payload.put("checkpoint", checkpoint);
        }
        if (accepted != null) {
            payload.put("accepted", accepted.stripTrailingZeros().toPlainString());
            payload.put("rejected", rejected.stripTrailingZeros().toPlainString());
        }
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SHIPMENT_MILESTONE, node,
                List.of(node.equals(buyer) ? supplier : buyer), now, payload));
        if (milestone == Milestone.ACCEPTED) {
            publisher.publishEvent(new ShipmentAccepted(id, order, buyer, supplier, at));
        }
        // Last: the ledger's head stays locked until commit.
        evidence.recordMilestone(id, milestone.name(), checkpoint);
        if (milestone == Milestone.ACCEPTED) {
            invoices.issue(id, order, buyer, supplier, delivered, rejected, at);
        }
        return new Outcome(read(id, principal), true);
    }

    /** A shipment for its supplier and buyer (or the operator); to anyone else it does not exist (404). */
    Map<String, Object> read(String given, Principal principal) {
        String caller = principal.isOperator() ? null : principal.requireNode();
        String id = OwnedKeys.require(jdbc, SHIPMENTS, caller, given, "shipment");
        Map<String, Object> m = jdbc.sql("SELECT * FROM shipment WHERE id = ?").param(id)
                .query((rs, n) -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("id", OwnedId.shown(rs.getString("id"), caller));
                    s.put("order", rs.getString("order_id"));
                    s.put("buyer", rs.getString("buyer_id"));
                    s.put("supplier", rs.getString("supplier_id"));
                    return s;
                }).optional().orElseThrow(() -> new NotFoundException("shipment " + id + " does not exist"));
        if (!principal.isOperator() && !principal.requireNode().equals(m.get("buyer")) && !principal.requireNode().equals(m.get("supplier"))) {
            throw new ForbiddenException("only the buyer and the supplier see a shipment");
        }
        evidence.reference(id).ifPresent(ref -> m.put("ledger", ref));
        m.put("units", jdbc.sql("SELECT * FROM shipment_line WHERE shipment_id = ? ORDER BY line_no").param(id)
                .query((rs, n) -> Map.of("line", rs.getInt("line_no"), "material", rs.getString("material"),
                        "quantity", rs.getBigDecimal("quantity").stripTrailingZeros().toPlainString(),
                        "unitPrice", rs.getBigDecimal("unit_price").stripTrailingZeros().toPlainString(), "currency", rs.getString("currency"),
                        "dropShip", rs.getBoolean("drop_ship")))
                .list());
        m.put("milestones", jdbc.sql("SELECT * FROM shipment_milestone WHERE shipment_id = ? ORDER BY occurred_at, recorded_at").param(id)
                .query((rs, n) -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("milestone", rs.getString("milestone"));
                    if (!rs.getString("checkpoint").isEmpty()) {
                        x.put("checkpoint", rs.getString("checkpoint"));
                    }
                    x.put("at", rs.getTimestamp("occurred_at").toInstant().toString());
                    if (rs.getBigDecimal("accepted_qty") != null) {
                        x.put("accepted", rs.getBigDecimal("accepted_qty").stripTrailingZeros().toPlainString());
                        x.put("rejected", rs.getBigDecimal("rejected_qty").stripTrailingZeros().toPlainString());
                    }
                    x.put("by", rs.getString("recorded_by"));
                    evidence.reference(id, rs.getString("milestone"), rs.getString("checkpoint")).ifPresent(ref -> x.put("ledger", ref));
                    return x;
                }).list());
        return m;
    }

    /** Quantity per material of the order's units that have reached the milestone (this one included). */
    private Map<String, Double> reached(String order, Milestone milestone) {
        Map<String, Double> reached = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.material, SUM(l.quantity) FROM shipment_line l JOIN shipment s ON s.id = l.shipment_id
                WHERE s.order_id = ? AND EXISTS (SELECT 1 FROM shipment_milestone m WHERE m.shipment_id = s.id AND m.milestone = ?)
                GROUP BY l.material""").params(order, milestone.name())
                .query(rs -> {
                    reached.put(rs.getString(1), rs.getBigDecimal(2).doubleValue());
                });
        return reached;
    }

    private double alreadyShipped(String order, String material) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(l.quantity), 0) FROM shipment_line l JOIN shipment s ON s.id = l.shipment_id
                WHERE s.order_id = ? AND l.material = ?""").params(order, material).query(BigDecimal.class).single().doubleValue();
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
