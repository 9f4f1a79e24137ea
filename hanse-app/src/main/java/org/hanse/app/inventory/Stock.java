package org.hanse.app.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.PartnerSharing;
import org.hanse.app.network.RelationshipDepth;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.TooManyRequestsException;
import org.hanse.core.trust.SharingLevel;
import org.hanse.core.buffer.BufferPolicy;
import org.hanse.core.dictionary.IncompatibleUnitsException;
import org.hanse.core.dictionary.Quantity;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.digest.Sha256;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock movements (validated, idempotent by id), settings, forecast sharing and decisions on emergency transfers. */
@Service
class Stock {

    private final StockLedger ledger;
    private final BufferStore store;
    private final Buffers buffers;
    private final Adjacency adjacency;
    private final Clock clock;
    private final PartnerSharing sharing;
    private final List<RelationshipDepth> depth;

    Stock(StockLedger ledger, BufferStore store, Buffers buffers, Adjacency adjacency, Clock clock, PartnerSharing sharing,
          List<RelationshipDepth> depth) {
        this.sharing = sharing;
        this.depth = depth;
        this.ledger = ledger;
        this.store = store;
        this.buffers = buffers;
        this.adjacency = adjacency;
        this.clock = clock;
    }

    /** A movement as posted: quantity in {@code unit} (default: the unit the node's BOM mapping counts the material in). */
    record Post(String id, String material, String kind, String quantity, String unit, String occurredAt, String order, String note) {
    }

    /** The movement's buffer after it, and whether the call repeated an earlier identical one. */
    record Recorded(BufferView buffer, boolean replay) {
    }

    @Transactional
    Recorded record(String node, Post post, Principal principal) {
        principal.requireSelfOrOperator(node);
        StockLedger.Movement m = validate(node, post, "");
        String hash = Sha256.hex(String.join("|", m.material(), m.kind().name(), m.quantity().stripTrailingZeros().toPlainString(),
                m.occurredAt().toString(), String.valueOf(m.orderId()), String.valueOf(m.note())));
        Optional<String> existing = ledger.ownKey(node, m.id()).flatMap(ledger::hashOf);
        if (existing.isPresent()) {
            if (existing.get().equals(hash)) {
                return new Recorded(buffers.view(node, m.material()), true);
            }
            throw new ConflictException("movement " + m.id() + " was already recorded with other content");
        }
        String key = ledger.newKey(node, m.id());
        ledger.append(new StockLedger.Movement(key, m.node(), m.material(), m.kind(), m.quantity(), m.occurredAt(), m.orderId(), m.counterparty(),
                m.note()), hash, clock.instant());
        return new Recorded(buffers.react(node, m.material()), false);
    }

    /** Checks one movement; problems are reported under {@code prefix} (e.g. "rows[3]."). */
    StockLedger.Movement validate(String node, Post post, String prefix) {
        List<Problem> problems = new ArrayList<>();
        String id = post.id() == null ? UUID.randomUUID().toString() : post.id();
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            problems.add(new Problem(prefix + "id", "must be 1 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        MovementKind kind = null;
        try {
            kind = post.kind() == null ? null : MovementKind.valueOf(post.kind());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            problems.add(new Problem(prefix + "kind", "must be RECEIPT, CONSUMPTION, ADJUSTMENT, TRANSFER_IN or TRANSFER_OUT"));
        }
        Optional<Adjacency.Mapping> mapping = post.material() == null ? Optional.empty() : adjacency.mapping(node, post.material());
        if (mapping.isEmpty()) {
            problems.add(new Problem(prefix + "material", post.material() == null ? "is required" : "is not in the node's bom-mapping"));
        }
        BigDecimal quantity = null;
        try {
            quantity = post.quantity() == null ? null : new BigDecimal(post.quantity().trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (quantity == null || (kind != MovementKind.ADJUSTMENT && quantity.signum() <= 0) || quantity.signum() == 0) {
            problems.add(new Problem(prefix + "quantity", kind == MovementKind.ADJUSTMENT
                    ? "must be a non-zero number (negative lowers the stock)" : "must be a number greater than 0"));
            quantity = null;
        } else if (Numbers.read(prefix + "quantity", quantity, Numbers.SIGNED_QUANTITY, problems) == null) {
            quantity = null;
        }
        if (quantity != null && mapping.isPresent() && post.unit() != null) {
            Optional<UnitOfMeasure> unit = UnitOfMeasure.ofCode(post.unit());
            if (unit.isEmpty()) {
                problems.add(new Problem(prefix + "unit", "unknown UN/ECE Rec 20 unit '" + post.unit() + "'"));
            } else {
                try {
                    quantity = new Quantity(quantity, unit.get()).to(mapping.get().unit()).amount();
                } catch (IncompatibleUnitsException e) {
                    problems.add(new Problem(prefix + "unit", e.getMessage()));
                }
            }
        }
        Instant occurred = clock.instant();
        if (post.occurredAt() != null) {
            try {
                occurred = Instant.parse(post.occurredAt());
                if (occurred.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
                    problems.add(new Problem(prefix + "occurredAt", "must not lie in the future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem(prefix + "occurredAt", "must be an ISO 8601 instant such as 2026-12-01T08:00:00Z"));
            }
        }
        if (kind == MovementKind.CONSUMPTION || kind == MovementKind.TRANSFER_OUT) {
            if (quantity != null && mapping.isPresent() && ledger.onHand(node, post.material()) < quantity.abs().doubleValue() - 1e-9) {
                problems.add(new Problem(prefix + "quantity", "exceeds the stock on hand (" + BufferView.round(ledger.onHand(node, post.material())) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new StockLedger.Movement(id, node, post.material(), kind, kind.signed(quantity), occurred, post.order(), null, post.note());
    }

    boolean keeps(String node, String material) {
        return adjacency.mapping(node, material).isPresent();
    }

    /**
     * A node's buffer as a reader may see it: itself and the operator fully; an accepted neighbour by the trust level
     * (RULES 3.8) and the pair's class (RULES 3.2); others not at all.
     */
    Map<String, Object> read(String node, String material, Principal principal) {
        if (!principal.isOperator() && !principal.isNode(node) && !adjacency.areNeighbours(principal.requireNode(), node)) {
            throw new ForbiddenException("a buffer is visible only to the node and its accepted neighbours");
        }
        if (adjacency.mapping(node, material).isEmpty()) {
            throw new NotFoundException("node " + node + " keeps no buffer of " + material);
        }
        if (principal.isOperator() || principal.isNode(node)) {
            return buffers.view(node, material).json(BufferView.Visibility.FULL);
        }
        if (sharing.level(node, principal.requireNode()) == SharingLevel.REAL_TIME) {
            if (depth.stream().allMatch(d -> d.sharesBufferState(node, principal.requireNode()))) {
                return buffers.view(node, material).json(BufferView.Visibility.FULL);
            }
            // A MARKET pair shares order status only (RULES 3.2): zone and depletion time say whether to worry, not how much.
            Map<String, Object> view = buffers.view(node, material).json(BufferView.Visibility.ZONE_AND_DEPLETION);
            view.put("sharingDepth", "MARKET");
            return view;
        }
        // A partner on the node's polling list (trust below 0.8) sees the zone only, at most once per period P.
        String reader = principal.requireNode();
        Instant now = clock.instant();
        Duration period = store.settings(node).policy().period();
        Optional<Instant> last = store.lastPoll(node, reader);
        if (last.isPresent() && now.isBefore(last.get().plus(period))) {
            throw new TooManyRequestsException(reader + " is on " + node + "'s polling list: one read per " + period + ", next from "
                    + last.get().plus(period), Duration.between(now, last.get().plus(period)));
        }
        store.savePoll(node, reader, now);
        Map<String, Object> view = buffers.view(node, material).json(BufferView.Visibility.ZONE_ONLY);
        view.put("sharingLevel", SharingLevel.POLLING.name());
        return view;
    }

    /** A lot of more than ten years' demand is not a lot but a typo. */
    static final Numbers.Range LOT_DAYS = Numbers.Range.of(0, 3650);

    @Transactional
    void settings(String node, Map<String, Object> body, Principal principal) {
        principal.requireSelfOrOperator(node);
        List<Problem> problems = new ArrayList<>();
        double service = number(body, "service-level", 0.95, problems);
        Duration lag = duration(body, "reaction-lag", Duration.ofDays(1), problems);
        double lot = number(body, "lot-days", 7, problems);
        Duration period = duration(body, "period", Duration.ofHours(24), problems);
        Duration lead = duration(body, "default-lead-time", BufferStore.DEFAULT_LEAD_TIME, problems);
        if (!(service > 0 && service < 1)) {
            problems.add(new Problem("service-level", "must lie strictly between 0 and 1"));
        }
        if (lot < 0) {
            problems.add(new Problem("lot-days", "must not be negative"));
        } else {
            Numbers.check("lot-days", lot, LOT_DAYS, problems);
        }
        if (period != null && period.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add(new Problem("period", "must be at least PT1M"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.saveSettings(node, new BufferStore.Settings(new BufferPolicy(service, lag, lot, period), lead), clock.instant());
    }

    /** A downstream node shares its forecast error for a material with one of its suppliers. */
    @Transactional
    void shareForecast(String node, String supplier, String material, Double error, Principal principal) {
        principal.requireSelfOrOperator(node);
        if (error == null || error < 0) {
            throw new InvalidInputException("forecastError", "must be a number ≥ 0 (standard deviation of daily forecast errors)");
        }
        Numbers.require("forecastError", error, Numbers.RATE);
        if (supplier == null || material == null || !adjacency.suppliersOf(node, material).contains(supplier)) {
            throw new InvalidInputException("supplier", "must be an accepted supplier of " + node + " for the material");
        }
        if (depth.stream().anyMatch(d -> !d.sharesBufferState(node, supplier))) {
            throw new ConflictException("the relationship with " + supplier + " is MARKET: it shares order status only, no forecasts");
        }
        store.shareForecast(node, supplier, material, error, clock.instant());
    }

    private static double number(Map<String, Object> body, String key, double fallback, List<Problem> problems) {
        Object v = body.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        problems.add(new Problem(key, "must be a number"));
        return fallback;
    }

    private static Duration duration(Map<String, Object> body, String key, Duration fallback, List<Problem> problems) {
        Object v = body.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(String.valueOf(v));
            if (d.isNegative()) {
                problems.add(new Problem(key, "must not be negative"));
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(key, "must be an ISO 8601 duration such as P1D"));
            return fallback;
        }
    }
}
