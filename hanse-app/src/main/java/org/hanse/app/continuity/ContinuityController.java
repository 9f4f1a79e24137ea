package org.hanse.app.continuity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Exits, backup lists, substitutions and operator alerts over the API. */
@RestController
class ContinuityController {

    private final ExitIntentions exits;
    private final BackupLists backups;
    private final Substitutions substitutions;
    private final Adjacency adjacency;

    private final ExitBoard board;
    private final SubstitutionPolicy policy;

    ContinuityController(ExitIntentions exits, BackupLists backups, Substitutions substitutions, Adjacency adjacency,
                         ExitBoard board, SubstitutionPolicy policy) {
        this.policy = policy;
        this.board = board;
        this.exits = exits;
        this.backups = backups;
        this.substitutions = substitutions;
        this.adjacency = adjacency;
    }

    @PostMapping("/api/v1/nodes/{id}/exit")
    ResponseEntity<Map<String, Object>> announce(@PathVariable String id, @RequestBody ExitIntentions.Announcement body, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exits.announce(id, body, principal));
    }

    @GetMapping("/api/v1/nodes/{id}/exit")
    Map<String, Object> exit(@PathVariable String id, Principal principal) {
        return exits.read(id, principal);
    }

    /** The operator runs the unannounced-exit check and the deadlines now (the scheduler does it every minute). */
    @PostMapping("/api/v1/exits/check")
    Map<String, Object> check(Principal principal) {
        requireOperator(principal);
        List<String> detected = exits.detect();
        return Map.of("detected", detected, "substitutionsMovedOn", substitutions.expire(), "exitsCompleted", exits.completeDue());
    }

    @GetMapping("/api/v1/nodes/{id}/backups")
    Map<String, Object> backups(@PathVariable String id, @RequestParam String supplier, @RequestParam String material, Principal principal) {
        principal.requireSelfOrOperator(id);
        if (!adjacency.isSupplierOf(supplier, id)) {
            throw new InvalidInputException("supplier", "must be an accepted supplier of " + id);
        }
        return backups.refresh(id, supplier, material);
    }

    /** Body of a preference: pin or exclude a candidate, or NONE to clear. */
    record Preference(String supplier, String material, String candidate, String preference) {
    }

    @PutMapping("/api/v1/nodes/{id}/backups/preferences")
    Map<String, Object> prefer(@PathVariable String id, @RequestBody Preference body, Principal principal) {
        principal.requireSelfOrOperator(id);
        List<Problem> problems = new java.util.ArrayList<>();
        if (body.supplier() == null || !adjacency.isSupplierOf(body.supplier(), id)) {
            problems.add(new Problem("supplier", "must be an accepted supplier of " + id));
        }
        if (body.material() == null || body.material().isBlank()) {
            problems.add(new Problem("material", "is required"));
        }
        if (body.candidate() == null || !adjacency.exists(body.candidate())) {
            problems.add(new Problem("candidate", "must be a registered node"));
        }
        if (body.preference() == null || !Set.of("PIN", "EXCLUDE", "NONE").contains(body.preference())) {
            problems.add(new Problem("preference", "must be PIN, EXCLUDE or NONE"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        backups.prefer(id, body.supplier(), body.material(), body.candidate(), body.preference());
        return backups.refresh(id, body.supplier(), body.material());
    }

    /** Body of the substitution settings: how the node answers requests. */
    record Settings(String decide) {
    }

    @PutMapping("/api/v1/nodes/{id}/substitution-settings")
    Map<String, Object> settings(@PathVariable String id, @RequestBody Settings body, Principal principal) {
        principal.requireSelfOrOperator(id);
        if (body.decide() == null || !Set.of("AUTO", "MANUAL").contains(body.decide())) {
            throw new InvalidInputException("decide", "must be AUTO (by the capacity rule) or MANUAL (by hand before the deadline)");
        }
        substitutions.setDecides(id, body.decide());
        return Map.of("node", id, "decide", body.decide());
    }

    @GetMapping("/api/v1/substitutions")
    Map<String, Object> list(Principal principal) {
        return Map.of("items", substitutions.list(principal));
    }

    @GetMapping("/api/v1/substitutions/{id}")
    Map<String, Object> read(@PathVariable String id, Principal principal) {
        return substitutions.read(id, principal);
    }

    @PostMapping("/api/v1/substitutions/{id}/accept")
    Map<String, Object> accept(@PathVariable String id, Principal principal) {
        Map<String, Object> s = substitutions.accept(id, principal.requireNode(), principal.requireNode());
        return substitutions.read((String) s.get("id"), principal);
    }

    @PostMapping("/api/v1/substitutions/{id}/decline")
    Map<String, Object> decline(@PathVariable String id, Principal principal) {
        substitutions.decline(id, principal.requireNode(), principal.requireNode());
        return substitutions.read(id, principal);
    }

    /** Body of a verification: whether the operator vouches for the node, and why (at most 500 characters). */
    record Verification(Boolean verified, String note) {
    }

    /** The operator verifies a node, which lets it stand in for a leaving supplier at the TRUSTED and VERIFIED levels. */
    @PutMapping("/api/v1/nodes/{id}/verification")
    Map<String, Object> verify(@PathVariable String id, @RequestBody Verification body, Principal principal) {
        requireOperator(principal);
        return policy.record(id, body.verified(), body.note());
    }

    @GetMapping("/api/v1/nodes/{id}/verification")
    Map<String, Object> verification(@PathVariable String id, Principal principal) {
        principal.requireSelfOrOperator(id);
        return policy.verification(id);
    }

    /** The network parameter (hanse.continuity.substitution): who may be offered a leaving supplier's business. */
    @GetMapping("/api/v1/network/substitution-policy")
    Map<String, Object> policy(Principal principal) {
        if (!principal.isOperator()) {
            principal.requireNode();
        }
        return policy.settings();
    }

    @GetMapping("/api/v1/alerts")
    Map<String, Object> alerts(Principal principal) {
        requireOperator(principal);
        return Map.of("items", board.alerts(200).stream().map(a -> Map.of("id", a.id(), "kind", a.kind(), "message", a.message(),
                "subject", a.subject(), "raisedAt", a.raisedAt().toString())).toList());
    }

    private static void requireOperator(Principal principal) {
        if (!principal.isOperator()) {
            throw new ForbiddenException("only the platform operator does this");
        }
    }
}
