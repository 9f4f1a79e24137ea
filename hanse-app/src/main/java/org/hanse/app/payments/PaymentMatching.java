package org.hanse.app.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
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
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments and their matches. A payment names the logistics units and instalments (milestone or term trigger) it pays;
 * each allocation takes at most what is still open on that instalment, in the unit's currency; anything left over is an
 * over-payment and the whole payment is refused. A payment naming nothing is kept as UNMATCHED_PAYMENT for the payee
 * to match. Every match is an immutable record with the instalment's due date and the goods' arrival.
 */
@Service
class PaymentMatching {

    private static final OwnedKeys.Table PAYMENTS = PaymentRecords.PAYMENTS;

    private final JdbcClient jdbc;
    private final ShipmentBook shipments;
    private final Adjacency adjacency;
    private final NodeEvents events;
    private final Clock clock;
    private final PaymentEvidence evidence;
    private final OrderSettlement settlement;
    private final PaymentTermsBook terms;
    private final PaymentRecords records;

    PaymentMatching(JdbcClient jdbc, ShipmentBook shipments, Adjacency adjacency, NodeEvents events, Clock clock,
                    PaymentEvidence evidence, OrderSettlement settlement, PaymentTermsBook terms, PaymentRecords records) {
        this.jdbc = jdbc;
        this.shipments = shipments;
        this.adjacency = adjacency;
        this.events = events;
        this.clock = clock;
        this.evidence = evidence;
        this.settlement = settlement;
        this.terms = terms;
        this.records = records;
    }

    /** A payment as posted by the payer; {@code allocations} may be empty (then it is unmatched). */
    record Pay(String id, String payee, String amount, String currency, String paidAt, List<Allocation> allocations) {
    }

    /** Which instalment of which logistics unit a payment pays. */
    record Allocation(String shipment, Integer line, String trigger) {
    }

    /** The stored payment and whether this call repeated an earlier identical one. */
    record Outcome(Map<String, Object> payment, boolean replay) {
    }

    /** A posted payment's checked money and moment. */
    private record Received(Money money, Instant paidAt) {
    }

    /** One allocation's match: the amount it took of the payment and the match as the event lists it. */
    private record Taken(BigDecimal amount, Map<String, Object> match) {
    }

    @Transactional
    Outcome pay(Pay p, Principal principal) {
        String payer = principal.requireNode();
        Instant now = clock.instant();
        Received received = check(p, payer, now);
        Money money = received.money();
        List<Allocation> allocations = p.allocations() == null ? List.of() : p.allocations();
        String hash = Sha256.hex(String.join("|", p.payee(), money.toString(), received.paidAt().toString(), String.valueOf(allocations)));
        String key = OwnedKeys.newKey(jdbc, PAYMENTS, payer, p.id());
        // Insert first: a retry racing the original waits for it and then finds its row, so a payment is recorded once.
        int inserted = jdbc.sql("""
                INSERT INTO payment (id, payer_id, payee_id, amount, currency, paid_at, status, content_hash, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(key, payer, p.payee(), money.amount(), money.currency().getCurrencyCode(), Timestamp.from(received.paidAt()),
                        allocations.isEmpty() ? "UNMATCHED" : "MATCHED", hash, Timestamp.from(now))
                .update();
        if (inserted == 0) {
            // Only this payer's own earlier payment can be a replay; a key another payer took in the same instant is a conflict to retry.
            Optional<String> existing = OwnedKeys.own(jdbc, PAYMENTS, payer, p.id())
                    .map(k -> jdbc.sql("SELECT content_hash FROM payment WHERE id = ?").param(k).query(String.class).single());
            if (existing.isPresent() && existing.get().equals(hash)) {
                return new Outcome(records.read(key, principal), true);
            }
            throw new ConflictException("payment " + p.id() + " was already recorded with other content");
        }
        if (allocations.isEmpty()) {
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.UNMATCHED_PAYMENT, payer, List.of(p.payee()), now,
                    Map.of("payment", key, "amount", money.amount().toPlainString(), "currency", money.currency().getCurrencyCode())));
        } else {
            allocate(key, payer, p.payee(), money, received.paidAt(), allocations, payer, "allocations");
        }
        // Last: the ledger's head stays locked until commit.
        evidence.record(key, !allocations.isEmpty());
        return new Outcome(records.read(key, principal), false);
    }

    /** Every problem of a posted payment at once, else its money (at most the currency's decimals) and moment. */
    private Received check(Pay p, String payer, Instant now) {
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
        return new Received(money, paidAt);
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
        return records.read(id, principal);
    }

    private void allocate(String paymentId, String payer, String payee, Money money, Instant paidAt, List<Allocation> allocations, String by, String path) {
        List<Problem> problems = new ArrayList<>();
        Money left = money;
        Instant now = clock.instant();
        List<Map<String, Object>> matched = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            Taken taken = allocateOne(paymentId, payer, payee, left, allocations.get(i), path + "[" + i + "]", by, now, problems);
            if (taken != null) {
                left = left.minus(new Money(taken.amount(), money.currency()));
                matched.add(taken.match());
            }
        }
        if (problems.isEmpty() && left.amount().signum() > 0) {
            problems.add(new Problem("amount", "over-payment: " + left + " is more than the named instalments still owe"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.PAYMENT_MATCHED, payer, List.of(payee), now,
                Map.of("payment", paymentId, "matches", matched, "paidAt", paidAt.toString())));
        // A match may complete what the order's accepted goods cost: ordering closes it then.
        settlement.check(allocations.stream().map(x -> shipments.key(by, x.shipment()).flatMap(k -> shipments.unit(k, x.line())))
                .flatMap(Optional::stream).map(ShipmentBook.Unit::order).toList());
    }

    /** Matches what is {@code left} of the payment to one named instalment; null with a problem added when it cannot. */
    private Taken allocateOne(String paymentId, String payer, String payee, Money left, Allocation named, String at, String by,
                              Instant now, List<Problem> problems) {
        // The unit's shipment as the allocating node names it (OwnedId): one it is no party of is simply not found.
        Allocation a = new Allocation(named.shipment() == null ? null : shipments.key(by, named.shipment()).orElse(null), named.line(),
                named.trigger());
        Optional<ShipmentBook.Unit> unit = a.shipment() == null || a.line() == null ? Optional.empty() : shipments.unit(a.shipment(), a.line());
        if (unit.isEmpty()) {
            problems.add(new Problem(at, "no logistics unit " + named.shipment() + " line " + named.line()));
            return null;
        }
        ShipmentBook.Unit u = unit.get();
        // Concurrent payments of one instalment queue here, so the open amount below is read after the other's match.
        shipments.lock(a.shipment());
        if (!u.buyer().equals(payer) || !u.supplier().equals(payee)) {
            problems.add(new Problem(at, "unit " + a.shipment() + "/" + a.line() + " is not between payer " + payer + " and payee " + payee));
            return null;
        }
        if (!u.value().currency().equals(left.currency())) {
            problems.add(new Problem("currency", "the payment is in " + left.currency() + ", unit " + a.shipment() + "/" + a.line()
                    + " in " + u.value().currency()));
            return null;
        }
        List<PaymentTerms.Due> dues = terms.applicable(payer, payee, u.order()).due(u.value(), u.reached());
        Optional<PaymentTerms.Due> due = dues.stream().filter(d -> d.trigger().equals(a.trigger())).findFirst();
        if (due.isEmpty()) {
            problems.add(new Problem(at + ".trigger", "must be one of " + dues.stream().map(PaymentTerms.Due::trigger).toList()));
            return null;
        }
        BigDecimal open = due.get().amount().amount().subtract(records.paid(a.shipment(), a.line(), a.trigger()));
        if (open.signum() <= 0) {
            problems.add(new Problem(at, "instalment " + a.trigger() + " of " + a.shipment() + "/" + a.line() + " is already paid"));
            return null;
        }
        BigDecimal take = left.amount().min(open);
        if (take.signum() <= 0) {
            problems.add(new Problem(at, "nothing of the payment is left for this instalment"));
            return null;
        }
        jdbc.sql("""
                INSERT INTO payment_match (payment_id, shipment_id, line_no, trigger_name, amount, due_at, arrived_at, matched_by, matched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(paymentId, a.shipment(), a.line(), a.trigger(), take, ts(due.get().dueAt()), ts(u.reached().get(Milestone.DELIVERED)),
                        by, Timestamp.from(now))
                .update();
        return new Taken(take, Map.of("shipment", a.shipment(), "line", a.line(), "trigger", a.trigger(), "amount", take.toPlainString()));
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
