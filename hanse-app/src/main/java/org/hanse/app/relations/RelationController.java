package org.hanse.app.relations;

import java.util.List;
import java.util.Map;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Relationships of a pair, its declared settings, declared resources and their complements, network analytics. */
@RestController
class RelationController {

    private final RelationLedger ledger;
    private final Complements complements;
    private final NetworkAnalytics analytics;
    private final Adjacency adjacency;
    private final JdbcClient jdbc;
    private final Transmission transmission;
    private final Relays relays;
    private final CriticalPaths paths;

    RelationController(RelationLedger ledger, Complements complements, NetworkAnalytics analytics, Adjacency adjacency, JdbcClient jdbc,
                       Transmission transmission, Relays relays, CriticalPaths paths) {
        this.transmission = transmission;
        this.relays = relays;
        this.paths = paths;
        this.ledger = ledger;
        this.complements = complements;
        this.analytics = analytics;
        this.adjacency = adjacency;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/relations/{buyer}/{supplier}")
    Map<String, Object> pair(@PathVariable String buyer, @PathVariable String supplier, Principal principal) {
        requireParty(principal, buyer, supplier);
        return ledger.pair(buyer, supplier).map(RelationLedger.Pair::json)
                .orElseThrow(() -> new NotFoundException("no orders between " + buyer + " and " + supplier + " yet: the pair is not assessed"));
    }

    /** Body of a pair's settings, declared by the buyer. */
    record Settings(Double switchingCost, Double specificity) {
    }

    /** Switching costs beyond a thousand 30-day spends say nothing more than "locked in". */
    static final Numbers.Range SWITCHING_COST = Numbers.Range.of(0, 1000);

    @PutMapping("/api/v1/relations/{buyer}/{supplier}/settings")
    @Transactional
    Map<String, Object> settings(@PathVariable String buyer, @PathVariable String supplier, @RequestBody Settings body, Principal principal) {
        principal.requireSelfOrOperator(buyer);
        List<Problem> problems = new java.util.ArrayList<>();
        if (!adjacency.isSupplierOf(supplier, buyer)) {
            problems.add(new Problem("supplier", "must be an accepted supplier of " + buyer));
        }
        if (body.switchingCost() != null && (body.switchingCost() < 0 || body.switchingCost().isNaN())) {
            problems.add(new Problem("switchingCost", "must be ≥ 0: the cost of switching to the best alternative in 30-day spends of the pair"));
        } else if (body.switchingCost() != null) {
            Numbers.check("switchingCost", body.switchingCost(), SWITCHING_COST, problems);
        }
        if (body.specificity() != null && (body.specificity() < 0 || body.specificity() > 1)) {
            problems.add(new Problem("specificity", "must lie in [0, 1]"));
        } else if (body.specificity() != null) {
            Numbers.check("specificity", body.specificity(), Numbers.FRACTION, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("DELETE FROM pair_setting WHERE buyer_id = ? AND supplier_id = ?").params(buyer, supplier).update();
        jdbc.sql("INSERT INTO pair_setting (buyer_id, supplier_id, switching_cost, specificity) VALUES (?, ?, ?, ?)")
                .params(buyer, supplier, body.switchingCost(), body.specificity()).update();
        return ledger.assess(buyer, supplier).json();
    }

    @PutMapping("/api/v1/nodes/{id}/resources")
    Map<String, Object> resources(@PathVariable String id, @RequestBody List<Complements.Resource> body, Principal principal) {
        return Map.of("items", complements.declare(id, body, principal));
    }

    @GetMapping("/api/v1/nodes/{id}/complements")
    Map<String, Object> complements(@PathVariable String id, Principal principal) {
        return complements.complements(id, principal);
    }

    @GetMapping("/api/v1/network/analytics")
    Map<String, Object> analytics(Principal principal) {
        return analytics.analytics(principal);
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/relay")
    Map<String, Object> relay(@RequestBody Relays.RelayItem body, Principal principal) {
        return relays.relay(body, principal);
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/messages")
    org.springframework.http.ResponseEntity<Map<String, Object>> send(@RequestBody Transmission.Message body, Principal principal) {
        return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(transmission.send(body, principal));
    }

    /** Body of a forwarded copy. */
    record Copy(Map<String, Object> payload) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/messages/{id}/forward")
    Map<String, Object> forward(@PathVariable String id, @RequestBody Copy body, Principal principal) {
        return transmission.forward(id, body.payload(), principal);
    }

    @GetMapping("/api/v1/messages/{id}")
    Map<String, Object> message(@PathVariable String id, Principal principal) {
        return transmission.read(id, principal);
    }

    /** The operator recomputes critical paths and settles overdue messages now (the scheduler does it every few minutes). */
    @org.springframework.web.bind.annotation.PostMapping("/api/v1/network/critical-paths")
    Map<String, Object> refreshPaths(Principal principal) {
        if (!principal.isOperator()) {
            throw new ForbiddenException("only the platform operator does this");
        }
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        paths.refresh().forEach((target, path) -> out.add(Map.of("toward", target, "nodes", path.nodes(), "weight", RelationLedger.round(path.weight()))));
        return Map.of("paths", out, "messagesSettled", transmission.expire());
    }

    private static void requireParty(Principal principal, String a, String b) {
        if (!principal.isOperator() && !principal.isNode(a) && !principal.isNode(b)) {
            throw new ForbiddenException("only the two parties and the operator see a relationship");
        }
    }
}
