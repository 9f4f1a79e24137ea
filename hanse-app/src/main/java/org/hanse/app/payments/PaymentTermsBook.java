package org.hanse.app.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.core.payment.Milestone;
import org.hanse.core.payment.PaymentTerms;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Payment terms per pair or order: the supplier sets them, both parties read them, every instalment rule applies them. */
@Service
class PaymentTermsBook {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Adjacency adjacency;
    private final Clock clock;

    PaymentTermsBook(JdbcClient jdbc, JsonMapper json, Adjacency adjacency, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.adjacency = adjacency;
        this.clock = clock;
    }

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
        PaymentParties.require(principal, buyer, supplier);
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
}
