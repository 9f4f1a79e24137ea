package org.hanse.app.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.OwnedKeys;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.payment.Milestone;
import org.hanse.core.payment.Money;
import org.hanse.core.payment.PaymentTerms;
import org.hanse.core.payment.Synchronisation;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.node.OwnedId;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Terms and payments. A payment names the logistics units and instalments (milestone or term trigger) it pays; each
 * allocation takes at most what is still open on that instalment, in the unit's currency; anything left over is an
 * over-payment and the whole payment is refused. A payment naming nothing is kept as UNMATCHED_PAYMENT for the payee
 * to match. Every match is an immutable record with the instalment's due date and the goods' arrival.
 */
@Service
class Payments implements org.hanse.app.logistics.AdvancePayments {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ShipmentBook shipments;
    private final Adjacency adjacency;
    private final NodeEvents events;
    private final Clock clock;

    private final PaymentEvidence evidence;

    private final org.hanse.app.parameters.NetworkParameterSource parameters;

    Payments(JdbcClient jdbc, JsonMapper json, ShipmentBook shipments, Adjacency adjacency, NodeEvents events, Clock clock,
             PaymentEvidence evidence, org.hanse.app.parameters.NetworkParameterSource parameters) {
        this.parameters = parameters;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.json = json;
        this.shipments = shipments;
        this.adjacency = adjacency;
        this.events = events;
        this.clock = clock;
    }

    // --- terms ---

    /** Terms as posted: kind NET (days), MILESTONE (shares in % per milestone) or ADVANCE (percent). */
    record Terms(String buyer, String order, String kind, Integer days, BigDecimal percent, Map<String, BigDecimal> shares) {
    }

    @Transactional
    Map<String, Object> setTerms(Terms t, Principal principal) {
        String supplier = principal.requireNode();
        // Direction matters: the caller must be the supplier of an accepted link with this buyer (being neighbours the
        // other way round would store terms for a pair that does not exist).
        if (t.buyer() == null || !adjacency.isSupplierOf(supplier, t.buyer())) {
            throw new InvalidInputException("buyer", "must be an accepted buyer of " + supplier);
        }
        if (t.order() != null && (t.order().isBlank() || t.order().length() > 100)) {
            throw new InvalidInputException("order", "must be an order id of 1 to 100 characters");
        }
        PaymentTerms terms = parse(t);
        Map<String, Object> tree = tree(terms);
        String order = t.order() == null ? "" : t.order();
        jdbc.sql("DELETE FROM payment_terms WHERE buyer_id = ? AND supplier_id = ? AND order_id = ?").params(t.buyer(), supplier, order).update();
        jdbc.sql("INSERT INTO payment_terms (buyer_id, supplier_id, order_id, terms_json, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(t.buyer(), supplier, order, json.writeValueAsString(tree), supplier, Timestamp.from(clock.instant())).update();
        return tree;
    }

    Map<String, Object> readTerms(String buyer, String supplier, String order, Principal principal) {
        requireParty(principal, buyer, supplier);
        return tree(applicable(buyer, supplier, order));
    }

    /** The order's terms, else the pair's, else the network default (MILESTONE 30/30/40). */
    PaymentTerms applicable(String buyer, String supplier, String order) {
        for (String key : order == null ? List.of("") : List.of(order, "")) {
            Optional<String> stored = jdbc.sql("SELECT terms_json FROM payment_terms WHERE buyer_id = ? AND supplier_id = ? AND order_id = ?")
                    .params(buyer, supplier, key).query(String.class).optional();
            if (stored.isPresent()) {
                Map<String, Object> tree = json.readValue(stored.get(), new TypeReference<Map<String, Object>>() { });
                return parse(json.convertValue(tree, Terms.class));
            }
        }
        return PaymentTerms.MilestoneShares.DEFAULT;
    }

    private static PaymentTerms parse(Terms t) {
        try {
            return switch (String.valueOf(t.kind())) {
                case "NET" -> new PaymentTerms.Net(t.days() == null ? -1 : t.days());
                case "ADVANCE" -> new PaymentTerms.Advance(t.percent() == null ? new BigDecimal("-1") : t.percent());
                case "MILESTONE" -> {
                    if (t.shares() == null) {
                        yield PaymentTerms.MilestoneShares.DEFAULT;
                    }
                    Map<Milestone, BigDecimal> shares = new EnumMap<>(Milestone.class);
                    t.shares().forEach((k, v) -> shares.put(Milestone.valueOf(k), v));
                    yield new PaymentTerms.MilestoneShares(shares);
                }
                default -> throw new InvalidInputException("kind", "must be NET, MILESTONE or ADVANCE");
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(t.kind() == null ? "kind" : switch (t.kind()) {
                case "NET" -> "days";
                case "ADVANCE" -> "percent";
                default -> "shares";
            }, e.getMessage() == null ? "is not valid" : e.getMessage());
        }
    }

    private static Map<String, Object> tree(PaymentTerms terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (terms instanceof PaymentTerms.Net n) {
            m.put("kind", "NET");
            m.put("days", n.days());
        } else if (terms instanceof PaymentTerms.Advance a) {
            m.put("kind", "ADVANCE");
            m.put("percent", a.percent());
        } else if (terms instanceof PaymentTerms.MilestoneShares s) {
            m.put("kind", "MILESTONE");
            Map<String, BigDecimal> shares = new LinkedHashMap<>();
            new EnumMap<>(s.percent()).forEach((k, v) -> shares.put(k.name(), v));
            m.put("shares", shares);
        }
        return m;
    }

    // --- payments ---

    /** A payment as posted by the payer; {@code allocations} may be empty (then it is unmatched). */
    record Pay(String id, String payee, String amount, String currency, String paidAt, List<Allocation> allocations) {
    }

    /** Which instalment of which logistics unit a payment pays. */
    record Allocation(String shipment, Integer line, String trigger) {
    }

    /** The stored payment and whether this call repeated an earlier identical one. */
    record Outcome(Map<String, Object> payment, boolean replay) {
    }

    /** Payments: ids chosen by the payer, visible to the payee. */
    static final OwnedKeys.Table PAYMENTS = new OwnedKeys.Table("payment", "payer_id", "payee_id");

    @Transactional
    Outcome pay(Pay p, Principal principal) {
        String payer = principal.requireNode();
        List<Problem> problems = new ArrayList<>();
        if (p.id() == null || !p.id().matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            problems.add(new Problem("id", "is required: 1 to 100 letters, digits, '.', '_', ':' or '-' chosen by the payer"));
        }
        if (p.payee() == null || !adjacency.areNeighbours(payer, p.payee())) {
            problems.add(new Problem("payee", "must be an accepted neighbour of " + payer));
        }
        BigDecimal amount = decimal(p.amount());
        if (amount == null || amount.signum() <= 0) {
            problems.add(new Problem("amount", "must be a decimal number greater than 0, written as text"));
        } else if (Numbers.read("amount", amount, Numbers.MONEY, problems) == null) {
            amount = null;
        }
        Currency currency = currency(p.currency());
        if (currency == null) {
            problems.add(new Problem("currency", "must be an ISO 4217 code such as EUR"));
        }
        Instant now = clock.instant();
        Instant paidAt = now;
        if (p.paidAt() != null) {
            try {
                paidAt = Instant.parse(p.paidAt());
                if (paidAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
                    problems.add(new Problem("paidAt", "must not lie in the future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem("paidAt", "must be an ISO 8601 instant"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Money money = new Money(amount, currency);
        if (money.amount().compareTo(amount) != 0) {
            throw new InvalidInputException("amount", "has more decimals than " + currency.getCurrencyCode() + " allows");
        }
        List<Allocation> allocations = p.allocations() == null ? List.of() : p.allocations();
        String hash = Sha256.hex(String.join("|", p.payee(), money.toString(), paidAt.toString(), String.valueOf(allocations)));
        String key = OwnedKeys.newKey(jdbc, PAYMENTS, payer, p.id());
        // Insert first: a retry racing the original waits for it and then finds its row, so a payment is recorded once.
        int inserted = jdbc.sql("""
                INSERT INTO payment (id, payer_id, payee_id, amount, currency, paid_at, status, content_hash, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(key, payer, p.payee(), money.amount(), currency.getCurrencyCode(), Timestamp.from(paidAt),
                        allocations.isEmpty() ? "UNMATCHED" : "MATCHED", hash, Timestamp.from(now))
                .update();
        if (inserted == 0) {
            // Only this payer's own earlier payment can be a replay; a key another payer took in the same instant is a conflict to retry.
            Optional<String> existing = OwnedKeys.own(jdbc, PAYMENTS, payer, p.id())
                    .map(k -> jdbc.sql("SELECT content_hash FROM payment WHERE id = ?").param(k).query(String.class).single());
            if (existing.isPresent() && existing.get().equals(hash)) {
                return new Outcome(read(key, principal), true);
            }
            throw new ConflictException("payment " + p.id() + " was already recorded with other content");
        }
        if (allocations.isEmpty()) {
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.UNMATCHED_PAYMENT, payer, List.of(p.payee()), now,
                    Map.of("payment", key, "amount", money.amount().toPlainString(), "currency", currency.getCurrencyCode())));
        } else {
            allocate(key, payer, p.payee(), money, paidAt, allocations, payer, "allocations");
        }
        // Last: the ledger's head stays locked until commit.
        evidence.record(key, !allocations.isEmpty());
        return new Outcome(read(key, principal), false);
    }

    /** The payee matches an unmatched payment to the units it pays. */
    @Transactional
    Map<String, Object> match(String given, List<Allocation> allocations, Principal principal) {
        String payee = principal.requireNode();
        String id = OwnedKeys.require(jdbc, PAYMENTS, payee, given, "payment");
        Map<String, Object> payment = jdbc.sql("SELECT * FROM payment WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> Map.<String, Object>of("payer", rs.getString("payer_id"), "payee", rs.getString("payee_id"),
                        "amount", rs.getBigDecimal("amount"), "currency", rs.getString("currency"), "paidAt", rs.getTimestamp("paid_at").toInstant(),
                        "status", rs.getString("status")))
                .optional().orElseThrow(() -> new NotFoundException("payment " + id + " does not exist"));
        if (!payee.equals(payment.get("payee"))) {
            throw new ForbiddenException("only the payee matches an unmatched payment");
        }
        if (!"UNMATCHED".equals(payment.get("status"))) {
            throw new ConflictException("payment " + id + " is already matched; matches are never changed");
        }
        if (allocations == null || allocations.isEmpty()) {
            throw new InvalidInputException("allocations", "must name at least one logistics unit and instalment");
        }
        allocate(id, (String) payment.get("payer"), payee, new Money((BigDecimal) payment.get("amount"), Currency.getInstance((String) payment.get("currency"))),
                (Instant) payment.get("paidAt"), allocations, payee, "allocations");
        jdbc.sql("UPDATE payment SET status = 'MATCHED' WHERE id = ?").param(id).update();
        evidence.recordMatches(id);
        return read(id, principal);
    }

    private void allocate(String paymentId, String payer, String payee, Money money, Instant paidAt, List<Allocation> allocations, String by, String path) {
        List<Problem> problems = new ArrayList<>();
        Money left = money;
        Instant now = clock.instant();
        List<Map<String, Object>> matched = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            Allocation named = allocations.get(i);
            String at = path + "[" + i + "]";
            // The unit's shipment as the allocating node names it (OwnedId): one it is no party of is simply not found.
            Allocation a = new Allocation(named.shipment() == null ? null : shipments.key(by, named.shipment()).orElse(null), named.line(),
                    named.trigger());
            Optional<ShipmentBook.Unit> unit = a.shipment() == null || a.line() == null ? Optional.empty() : shipments.unit(a.shipment(), a.line());
            if (unit.isEmpty()) {
                problems.add(new Problem(at, "no logistics unit " + named.shipment() + " line " + named.line()));
                continue;
            }
            ShipmentBook.Unit u = unit.get();
            // Concurrent payments of one instalment queue here, so the open amount below is read after the other's match.
            shipments.lock(a.shipment());
            if (!u.buyer().equals(payer) || !u.supplier().equals(payee)) {
                problems.add(new Problem(at, "unit " + a.shipment() + "/" + a.line() + " is not between payer " + payer + " and payee " + payee));
                continue;
            }
            if (!u.value().currency().equals(money.currency())) {
                problems.add(new Problem("currency", "the payment is in " + money.currency() + ", unit " + a.shipment() + "/" + a.line()
                        + " in " + u.value().currency()));
                continue;
            }
            List<PaymentTerms.Due> dues = applicable(payer, payee, u.order()).due(u.value(), u.reached());
            Optional<PaymentTerms.Due> due = dues.stream().filter(d -> d.trigger().equals(a.trigger())).findFirst();
            if (due.isEmpty()) {
                problems.add(new Problem(at + ".trigger", "must be one of " + dues.stream().map(PaymentTerms.Due::trigger).toList()));
                continue;
            }
            BigDecimal paid = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment_match WHERE shipment_id = ? AND line_no = ? AND trigger_name = ?")
                    .params(a.shipment(), a.line(), a.trigger()).query(BigDecimal.class).single();
            BigDecimal open = due.get().amount().amount().subtract(paid);
            if (open.signum() <= 0) {
                problems.add(new Problem(at, "instalment " + a.trigger() + " of " + a.shipment() + "/" + a.line() + " is already paid"));
                continue;
            }
            BigDecimal take = left.amount().min(open);
            if (take.signum() <= 0) {
                problems.add(new Problem(at, "nothing of the payment is left for this instalment"));
                continue;
            }
            left = left.minus(new Money(take, money.currency()));
            jdbc.sql("""
                    INSERT INTO payment_match (payment_id, shipment_id, line_no, trigger_name, amount, due_at, arrived_at, matched_by, matched_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(paymentId, a.shipment(), a.line(), a.trigger(), take, ts(due.get().dueAt()), ts(u.reached().get(Milestone.DELIVERED)),
                            by, Timestamp.from(now))
                    .update();
            matched.add(Map.of("shipment", a.shipment(), "line", a.line(), "trigger", a.trigger(), "amount", take.toPlainString()));
        }
        if (problems.isEmpty() && left.amount().signum() > 0) {
            problems.add(new Problem("amount", "over-payment: " + left + " is more than the named instalments still owe"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.PAYMENT_MATCHED, payer, List.of(payee), now,
                Map.of("payment", paymentId, "matches", matched, "paidAt", paidAt.toString())));
    }

    /** Every unit of the shipment has its ADVANCE instalment fully paid (false when the terms have none). */
    @Override
    public boolean advancePaid(String shipmentId) {
        List<Integer> lines = jdbc.sql("SELECT line_no FROM shipment_line WHERE shipment_id = ?").param(shipmentId).query(Integer.class).list();
        for (int line : lines) {
            ShipmentBook.Unit u = shipments.unit(shipmentId, line).orElseThrow();
            Optional<PaymentTerms.Due> advance = applicable(u.buyer(), u.supplier(), u.order()).due(u.value(), u.reached()).stream()
                    .filter(d -> d.trigger().equals("ADVANCE")).findFirst();
            if (advance.isEmpty()) {
                return false;
            }
            BigDecimal paid = paid(shipmentId, line, "ADVANCE");
            if (paid.compareTo(advance.get().amount().amount()) < 0) {
                return false;
            }
        }
        return true;
    }

    /** What the matches have paid so far of every instalment of the given shipments, keyed "shipment/line/trigger". */
    Map<String, BigDecimal> paidByInstalment(java.util.Collection<String> shipmentIds) {
        Map<String, BigDecimal> paid = new java.util.HashMap<>();
        if (shipmentIds.isEmpty()) {
            return paid;
        }
        jdbc.sql("SELECT shipment_id, line_no, trigger_name, SUM(amount) FROM payment_match WHERE shipment_id IN (:ids) GROUP BY shipment_id, line_no, trigger_name")
                .param("ids", shipmentIds)
                .query(rs -> {
                    paid.put(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3), rs.getBigDecimal(4));
                });
        return paid;
    }

    /** What the matches have paid of one instalment of one logistics unit so far. */
    BigDecimal paid(String shipment, int line, String trigger) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment_match WHERE shipment_id = ? AND line_no = ? AND trigger_name = ?")
                .params(shipment, line, trigger).query(BigDecimal.class).single();
    }

    /** A payment for its payer and payee (or the operator); to anyone else it does not exist (404). */
    Map<String, Object> read(String given, Principal principal) {
        String caller = principal.isOperator() ? null : principal.requireNode();
        String id = OwnedKeys.require(jdbc, PAYMENTS, caller, given, "payment");
        Map<String, Object> m = jdbc.sql("SELECT * FROM payment WHERE id = ?").param(id)
                .query((rs, n) -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("id", OwnedId.shown(rs.getString("id"), caller));
                    x.put("payer", rs.getString("payer_id"));
                    x.put("payee", rs.getString("payee_id"));
                    x.put("amount", rs.getBigDecimal("amount").stripTrailingZeros().toPlainString());
                    x.put("currency", rs.getString("currency"));
                    x.put("paidAt", rs.getTimestamp("paid_at").toInstant().toString());
                    x.put("status", rs.getString("status"));
                    return x;
                }).optional().orElseThrow(() -> new NotFoundException("payment " + id + " does not exist"));
        requireParty(principal, (String) m.get("payer"), (String) m.get("payee"));
        m.put("matches", jdbc.sql("SELECT * FROM payment_match WHERE payment_id = ? ORDER BY shipment_id, line_no, trigger_name").param(id)
                .query((rs, n) -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("shipment", rs.getString("shipment_id"));
                    x.put("line", rs.getInt("line_no"));
                    x.put("trigger", rs.getString("trigger_name"));
                    x.put("amount", rs.getBigDecimal("amount").stripTrailingZeros().toPlainString());
                    x.put("dueAt", rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant().toString());
                    x.put("matchedBy", rs.getString("matched_by"));
                    return x;
                }).list());
        evidence.annotate(id, m);
        return m;
    }

    /** The buyer's credit record toward the supplier, unrounded. */
    double credit(String buyer, String supplier) {
        List<Synchronisation.Settlement> settlements = jdbc.sql("""
                SELECT m.due_at, p.paid_at FROM payment_match m JOIN payment p ON p.id = m.payment_id
                WHERE p.payer_id = ? AND p.payee_id = ? AND m.due_at IS NOT NULL""")
                .params(buyer, supplier)
                .query((rs, n) -> new Synchronisation.Settlement(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).list();
        return Synchronisation.creditRecord(settlements, clock.instant(), parameters.parameters().payment());
    }

    /** The pair's amount-weighted days from arrival to payment (DPO of this flow); empty before any matched arrival. */
    java.util.OptionalDouble paymentDelayDays(String buyer, String supplier) {
        List<Synchronisation.Payment> all = jdbc.sql("""
                SELECT m.amount, p.paid_at, m.arrived_at FROM payment_match m JOIN payment p ON p.id = m.payment_id
                WHERE p.payer_id = ? AND p.payee_id = ? AND m.arrived_at IS NOT NULL""")
                .params(buyer, supplier)
                .query((rs, n) -> new Synchronisation.Payment(rs.getBigDecimal(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .list();
        return all.isEmpty() ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(Synchronisation.deviationDays(all));
    }

    /** Synchronisation of a pair: amount-weighted deviation (days, per unit and overall), credit record and unmatched money. */
    Map<String, Object> sync(String buyer, String supplier, Principal principal) {
        requireParty(principal, buyer, supplier);
        Instant now = clock.instant();
        List<Object[]> rows = jdbc.sql("""
                SELECT m.shipment_id, m.line_no, m.amount, p.paid_at, m.arrived_at, m.due_at FROM payment_match m
                JOIN payment p ON p.id = m.payment_id WHERE p.payer_id = ? AND p.payee_id = ?""")
                .params(buyer, supplier)
                .query((rs, n) -> new Object[] {rs.getString(1) + "/" + rs.getInt(2), rs.getBigDecimal(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()})
                .list();
        List<Synchronisation.Payment> all = new ArrayList<>();
        Map<String, List<Synchronisation.Payment>> byUnit = new LinkedHashMap<>();
        List<Synchronisation.Settlement> settlements = new ArrayList<>();
        for (Object[] r : rows) {
            if (r[3] != null) {
                Synchronisation.Payment p = new Synchronisation.Payment((BigDecimal) r[1], (Instant) r[2], (Instant) r[3]);
                all.add(p);
                byUnit.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(p);
            }
            if (r[4] != null) {
                settlements.add(new Synchronisation.Settlement((Instant) r[4], (Instant) r[2]));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buyer", buyer);
        m.put("supplier", supplier);
        m.put("deviationDays", round(Synchronisation.deviationDays(all)));
        Map<String, Object> units = new LinkedHashMap<>();
        byUnit.forEach((k, v) -> units.put(k, round(Synchronisation.deviationDays(v))));
        m.put("units", units);
        m.put("creditRecord", round(Synchronisation.creditRecord(settlements, now, parameters.parameters().payment())));
        m.put("meanDelayDays", round(settlements.stream()
                .mapToDouble(x -> Duration.between(x.dueAt(), x.paidAt()).toSeconds() / 86_400.0).average().orElse(0)));
        m.put("unmatched", jdbc.sql("SELECT COUNT(*) FROM payment WHERE payer_id = ? AND payee_id = ? AND status = 'UNMATCHED'")
                .params(buyer, supplier).query(Long.class).single());
        return m;
    }

    /**
     * A node's synchronisation deviation over time, week by week (by payment date), as buyer and as supplier together:
     * the amount-weighted mean of payment − arrival over the matches of that week.
     */
    Map<String, Object> nodeSeries(String node, int weeks, Principal principal) {
        principal.requireSelfOrOperator(node);
        if (weeks < 1 || weeks > 104) {
            throw new InvalidInputException("weeks", "must be a whole number from 1 to 104");
        }
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(7L * weeks));
        Map<Long, List<Synchronisation.Payment>> byWeek = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT m.amount, p.paid_at, m.arrived_at FROM payment_match m JOIN payment p ON p.id = m.payment_id
                WHERE (p.payer_id = ? OR p.payee_id = ?) AND p.paid_at >= ? AND m.arrived_at IS NOT NULL""")
                .params(node, node, Timestamp.from(from))
                .query(rs -> {
                    Instant paid = rs.getTimestamp(2).toInstant();
                    long week = Duration.between(from, paid).toDays() / 7;
                    byWeek.computeIfAbsent(week, k -> new ArrayList<>())
                            .add(new Synchronisation.Payment(rs.getBigDecimal(1), paid, rs.getTimestamp(3).toInstant()));
                });
        List<Map<String, Object>> series = new ArrayList<>();
        byWeek.forEach((week, list) -> series.add(Map.of("weekStarting", from.plus(Duration.ofDays(7 * week)).toString(),
                "deviationDays", round(Synchronisation.deviationDays(list)), "matches", list.size())));
        return Map.of("node", node, "weeks", weeks, "series", series);
    }

    private static void requireParty(Principal principal, String a, String b) {
        if (!principal.isOperator() && !principal.requireNode().equals(a) && !principal.requireNode().equals(b)) {
            throw new ForbiddenException("only the two parties see their terms and payments");
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Currency currency(String code) {
        try {
            return code == null ? null : Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
