package org.hanse.app.trust;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.hanse.core.trust.TrustValue;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/trust/…}: a pair's trust with its explanation and history, a node's trust list, negotiated parameters
 * and penalties. A node sees the trust it holds and the trust held about it, nothing else.
 */
@RestController
class TrustController {

    private final TrustLedger ledger;
    private final TrustParameters parameters;
    private final Penalties penalties;
    private final Clock clock;
    private final PenaltyEvidence evidence;

    TrustController(TrustLedger ledger, TrustParameters parameters, Penalties penalties, Clock clock, PenaltyEvidence evidence) {
        this.evidence = evidence;
        this.ledger = ledger;
        this.parameters = parameters;
        this.penalties = penalties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/trust/{truster}/{trustee}")
    Map<String, Object> trust(@PathVariable String truster, @PathVariable String trustee, Principal principal) {
        requireParty(principal, truster, trustee);
        TrustLedger.Assessment a = ledger.assess(truster, trustee, clock.instant());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("truster", truster);
        m.put("trustee", trustee);
        m.put("at", a.at().toString());
        m.put("trust", TrustLedger.round(a.value()));
        m.put("reciprocal", TrustLedger.round(a.reciprocal()));
        m.put("level", ledger.level(truster, trustee).name());
        m.put("interactionsPerDay", TrustLedger.round(a.frequency()));
        m.put("window", a.window().toString());
        m.put("tau", a.tau().toString());
        m.put("parameters", Map.of("agreed", a.parameters().agreed(), "promised", TrustParameters.json(a.parameters().promised()),
                "weights", TrustParameters.json(a.parameters().weights())));
        List<TrustLedger.Rated> counted = a.inWindow();
        double total = counted.stream().mapToDouble(r -> TrustValue.weight(r.at(), a.at(), a.tau())).sum();
        m.put("interactions", counted.stream().map(r -> {
            double w = TrustValue.weight(r.at(), a.at(), a.tau());
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", r.kind());
            x.put("shipment", r.shipment());
            x.put("line", r.line());
            x.put("order", r.order());
            x.put("at", r.at().toString());
            x.put("punctuality", TrustLedger.round(r.quality().punctuality()));
            x.put("lateness", r.lateness().toString());
            x.put("promisedLeadTime", r.leadTime().toString());
            x.put("qualified", TrustLedger.round(r.quality().qualified()));
            x.put("information", TrustLedger.round(r.quality().information()));
            x.put("statusMessages", r.messages());
            x.put("confirmed", r.confirmed());
            x.put("reciprocity", TrustLedger.round(a.reciprocity(r)));
            x.put("decayWeight", TrustLedger.round(w));
            x.put("share", TrustLedger.round(w / total));
            return x;
        }).toList());
        // A substitute's inherited trust counts as one interaction at the time of the substitution.
        ledger.prior(truster, trustee).ifPresent(p -> m.put("inherited", p));
        m.put("penalties", a.penalties().stream().map(p -> {
            double decay = Math.exp(-(double) Duration.between(p.at(), a.at()).toSeconds() / (4.0 * a.tau().toSeconds()));
            return Map.<String, Object>of("id", p.id(), "kind", p.kind(), "at", p.at().toString(), "asymmetry", TrustLedger.round(p.asymmetry()),
                    "factor", TrustLedger.round(1 - TrustValue.PI_0 * p.asymmetry() * decay));
        }).toList());
        return m;
    }

    @GetMapping("/api/v1/trust/{truster}/{trustee}/series")
    Map<String, Object> series(@PathVariable String truster, @PathVariable String trustee, @RequestParam(defaultValue = "365") int days,
                               Principal principal) {
        requireParty(principal, truster, trustee);
        if (days < 1 || days > 3650) {
            throw new InvalidInputException("days", "must be a whole number from 1 to 3650");
        }
        return Map.of("truster", truster, "trustee", trustee, "points", ledger.series(truster, trustee, clock.instant().minus(Duration.ofDays(days))));
    }

    @GetMapping("/api/v1/nodes/{id}/trust")
    Map<String, Object> ofNode(@PathVariable String id, Principal principal) {
        principal.requireSelfOrOperator(id);
        List<Map<String, Object>> all = ledger.pairsOf(id);
        return Map.of("holds", all.stream().filter(p -> id.equals(p.get("truster"))).toList(),
                "heldAbout", all.stream().filter(p -> id.equals(p.get("trustee"))).toList());
    }

    @PutMapping("/api/v1/trust/parameters")
    Map<String, Object> propose(@RequestBody TrustParameters.Proposal body, Principal principal) {
        return parameters.propose(body, principal);
    }

    @GetMapping("/api/v1/trust/parameters")
    Map<String, Object> parameters(@RequestParam String buyer, @RequestParam String supplier, Principal principal) {
        return parameters.read(buyer, supplier, principal);
    }

    @PostMapping("/api/v1/penalties")
    ResponseEntity<Map<String, Object>> report(@RequestBody Penalties.Report body, Principal principal) {
        Penalties.Outcome o = penalties.report(body, principal);
        return ResponseEntity.status(o.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(evidence.annotate(o.penalty()));
    }

    @GetMapping("/api/v1/penalties/{id}")
    Map<String, Object> penalty(@PathVariable String id, Principal principal) {
        return evidence.annotate(penalties.read(id, principal));
    }

    @GetMapping("/api/v1/penalties")
    Map<String, Object> disputed(Principal principal) {
        if (!principal.isOperator()) {
            throw new ForbiddenException("only the platform operator lists disputed penalties");
        }
        return Map.of("items", penalties.disputed());
    }

    /** Body of a dispute or a decision. */
    record Statement(String reason, String decision, String note) {
    }

    @PostMapping("/api/v1/penalties/{id}/dispute")
    Map<String, Object> dispute(@PathVariable String id, @RequestBody Statement body, Principal principal) {
        return evidence.annotate(penalties.dispute(id, body.reason(), principal));
    }

    @PostMapping("/api/v1/penalties/{id}/decision")
    Map<String, Object> decide(@PathVariable String id, @RequestBody Statement body, Principal principal) {
        return evidence.annotate(penalties.decide(id, body.decision(), body.note(), principal));
    }

    @PostMapping("/api/v1/penalties/{id}/withdraw")
    Map<String, Object> withdraw(@PathVariable String id, Principal principal) {
        return evidence.annotate(penalties.withdraw(id, principal));
    }

    private static void requireParty(Principal principal, String truster, String trustee) {
        if (!principal.isOperator() && !principal.isNode(truster) && !principal.isNode(trustee)) {
            throw new ForbiddenException("a node sees the trust it holds and the trust held about it, nothing else");
        }
    }
}
