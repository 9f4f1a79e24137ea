package org.hanse.app.payments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.hanse.app.inventory.StockBook;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.logistics.ShipmentPlanning;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.payment.Synchronisation;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The correction path (RULES 3.7): the buyer declares its capital and inventory turnover; ρ_t picks PAYMENT_REALIGNMENT
 * (milestone terms proposed to the supplier, who accepts or declines), LOGISTICS_RHYTHM (the supplier's shipment plan
 * toward the buyer: interval × (1 + (1 − c)), batch × max(0.5, c), advance payment below c = 0.5) or COMBINED (both).
 */
@Service
class Corrections {

    static final Duration DEFAULT_INTERVAL = Duration.ofDays(7);
    static final double DEFAULT_BATCH = 100;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PaymentTermsBook terms;
    private final PaymentSynchronisation synchronisation;
    private final Adjacency adjacency;
    private final NodeEvents events;
    private final Clock clock;
    private final ShipmentPlanning planning;
    private final StockBook stock;
    private final Instalments instalments;
    private final org.hanse.app.parameters.NetworkParameterSource parameters;

    Corrections(JdbcClient jdbc, JsonMapper json, PaymentTermsBook terms, PaymentSynchronisation synchronisation, Adjacency adjacency, NodeEvents events, Clock clock,
                ShipmentPlanning planning, StockBook stock, Instalments instalments, org.hanse.app.parameters.NetworkParameterSource parameters) {
        this.parameters = parameters;
        this.planning = planning;
        this.instalments = instalments;
        this.stock = stock;
        this.jdbc = jdbc;
        this.json = json;
        this.terms = terms;
        this.synchronisation = synchronisation;
        this.adjacency = adjacency;
        this.events = events;
        this.clock = clock;
    }

    /** A correction request by the buyer. */
    record Request(String supplier, Double capitalTurnover, Double inventoryTurnover, String interval, Double batch) {
    }

    @Transactional
    Map<String, Object> request(Request r, Principal principal) {
        String buyer = principal.requireNode();
        if (r.supplier() == null || !adjacency.areNeighbours(buyer, r.supplier())) {
            throw new InvalidInputException("supplier", "must be an accepted supplier of " + buyer);
        }
        Instant now = clock.instant();
        Synchronisation.Turnover turnover = turnover(buyer, r, now);
        Duration interval = DEFAULT_INTERVAL;
        if (r.interval() != null) {
            try {
                interval = Duration.parse(r.interval());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("interval", "must be an ISO 8601 duration such as P7D");
            }
            if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(366)) > 0) {
                throw new InvalidInputException("interval", "must lie between PT1S and P366D");
            }
        }
        double batch = r.batch() == null ? DEFAULT_BATCH : r.batch();
        if (batch <= 0) {
            throw new InvalidInputException("batch", "must be greater than 0");
        }
        Numbers.require("batch", batch, Numbers.QUANTITY);
        Synchronisation.Correction path = Synchronisation.correction(turnover.capital(), turnover.inventory(),
                parameters.parameters().payment());
        double credit = instalments.credit(buyer, r.supplier());
        String id = UUID.randomUUID().toString();
        Map<String, Object> proposal = new LinkedHashMap<>();
        boolean proposesTerms = path != Synchronisation.Correction.LOGISTICS_RHYTHM;
        if (proposesTerms) {
            proposal.put("terms", Map.of("kind", "MILESTONE", "shares", Map.of("SHIPPED", 30, "DELIVERED", 30, "ACCEPTED", 40)));
        }
        if (path != Synchronisation.Correction.PAYMENT_REALIGNMENT) {
            Synchronisation.Rhythm rhythm = Synchronisation.rhythm(interval, batch, credit);
            planning.apply(buyer, r.supplier(), new ShipmentPlanning.Rhythm(rhythm.interval(), rhythm.batch(), rhythm.advanceRequired(), credit), now);
            proposal.put("rhythm", Map.of("interval", rhythm.interval().toString(), "batch", rhythm.batch(), "advanceRequired", rhythm.advanceRequired()));
        }
        String status = proposesTerms ? "PROPOSED" : "APPLIED";
        jdbc.sql("""
                INSERT INTO correction (id, buyer_id, supplier_id, path, capital_turnover, inventory_turnover, credit_record, proposal_json, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, buyer, r.supplier(), path.name(), turnover.capital(), turnover.inventory(), credit, json.writeValueAsString(proposal),
                        status, Timestamp.from(now))
                .update();
        Map<String, Object> result = read(id, principal);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.CORRECTION_PROPOSED, buyer, List.of(r.supplier()), now, result));
        return result;
    }

    /**
     * The buyer's turnovers as declared, else derived from platform data: its days of inventory in the materials it buys
     * from this supplier and its payment delay toward it ({@link Synchronisation#derivedTurnover}).
     */
    private Synchronisation.Turnover turnover(String buyer, Request r, Instant now) {
        if (r.capitalTurnover() != null || r.inventoryTurnover() != null) {
            List<Problem> problems = new ArrayList<>();
            if (r.capitalTurnover() == null || r.capitalTurnover() <= 0) {
                problems.add(new Problem("capitalTurnover", "must be a number greater than 0 (turns a year); omit both turnovers to derive them"));
            } else {
                Numbers.check("capitalTurnover", r.capitalTurnover(), Numbers.FACTOR, problems);
            }
            if (r.inventoryTurnover() == null || r.inventoryTurnover() <= 0) {
                problems.add(new Problem("inventoryTurnover", "must be a number greater than 0 (turns a year); omit both turnovers to derive them"));
            } else {
                Numbers.check("inventoryTurnover", r.inventoryTurnover(), Numbers.FACTOR, problems);
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Synchronisation.Turnover(r.capitalTurnover(), r.inventoryTurnover());
        }
        List<String> materials = adjacency.acceptedLinks().stream()
                .filter(l -> l.buyer().equals(buyer) && l.supplier().equals(r.supplier())).flatMap(l -> l.materials().stream()).distinct().toList();
        OptionalDouble inventoryDays = stock.inventoryDays(buyer, materials, now);
        OptionalDouble delay = synchronisation.paymentDelayDays(buyer, r.supplier());
        List<Problem> problems = new ArrayList<>();
        if (inventoryDays.isEmpty()) {
            problems.add(new Problem("inventoryTurnover", "cannot be derived: " + buyer + " recorded no consumption of " + materials
                    + " in the last 56 days; declare capitalTurnover and inventoryTurnover"));
        }
        if (delay.isEmpty()) {
            problems.add(new Problem("capitalTurnover", "cannot be derived: no payment to " + r.supplier()
                    + " is matched to a delivered unit yet; declare capitalTurnover and inventoryTurnover"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Synchronisation.derivedTurnover(inventoryDays.getAsDouble(), delay.getAsDouble());
    }

    /** The supplier accepts (the milestone terms then apply to the pair) or declines a proposal. */
    @Transactional
    Map<String, Object> decide(String id, boolean accept, Principal principal) {
        String supplier = principal.requireNode();
        Map<String, Object> c = read(id, principal);
        if (!supplier.equals(c.get("supplier"))) {
            throw new ForbiddenException("only the supplier decides a correction proposal");
        }
        if (!"PROPOSED".equals(c.get("status"))) {
            throw new ConflictException("correction " + id + " is " + c.get("status"));
        }
        Instant now = clock.instant();
        if (accept) {
            terms.setTerms(new PaymentTermsBook.Terms((String) c.get("buyer"), null, "MILESTONE", null, null, null), principal);
        }
        jdbc.sql("UPDATE correction SET status = ?, decided_at = ? WHERE id = ?").params(accept ? "ACCEPTED" : "DECLINED", java.sql.Timestamp.from(now), id).update();
        Map<String, Object> result = read(id, principal);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.CORRECTION_DECIDED, supplier, List.of((String) c.get("buyer")), now, result));
        return result;
    }

    Map<String, Object> read(String id, Principal principal) {
        Map<String, Object> m = jdbc.sql("SELECT * FROM correction WHERE id = ?").param(id)
                .query((rs, n) -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("id", rs.getString("id"));
                    x.put("buyer", rs.getString("buyer_id"));
                    x.put("supplier", rs.getString("supplier_id"));
                    x.put("path", rs.getString("path"));
                    x.put("ratio", round4(rs.getDouble("capital_turnover") / rs.getDouble("inventory_turnover")));
                    x.put("capitalTurnover", round4(rs.getDouble("capital_turnover")));
                    x.put("inventoryTurnover", round4(rs.getDouble("inventory_turnover")));
                    x.put("creditRecord", rs.getDouble("credit_record"));
                    x.put("proposal", json.readValue(rs.getString("proposal_json"), Map.class));
                    x.put("status", rs.getString("status"));
                    return x;
                }).optional().orElseThrow(() -> new NotFoundException("correction " + id + " does not exist"));
        if (!principal.isOperator() && !principal.requireNode().equals(m.get("buyer")) && !principal.requireNode().equals(m.get("supplier"))) {
            throw new ForbiddenException("only the two parties see a correction");
        }
        return m;
    }

    /** The supplier's current shipment plan toward the buyer, if a logistics rhythm applies. */
    Map<String, Object> rhythm(String buyer, String supplier, Principal principal) {
        if (!principal.isOperator() && !principal.requireNode().equals(buyer) && !principal.requireNode().equals(supplier)) {
            throw new ForbiddenException("only the two parties see their shipment rhythm");
        }
        ShipmentPlanning.Rhythm r = planning.rhythm(buyer, supplier)
                .orElseThrow(() -> new NotFoundException("no logistics rhythm applies between " + buyer + " and " + supplier));
        return Map.of("interval", r.interval().toString(), "batch", r.batch(), "advanceRequired", r.advanceRequired(), "creditRecord", r.creditRecord());
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
