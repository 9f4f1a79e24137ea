package org.hanse.app.continuity;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's continuity panel: the node's own announced exit (and a form to announce one), its neighbours'
 * exits, and the substitutions it is buyer, leaving supplier or candidate in, where a candidate accepts or declines.
 */
@Page
class ContinuityPages {

    private final ExitIntentions exits;
    private final Substitutions substitutions;
    private final Adjacency adjacency;
    private final SubstitutionPolicy policy;

    ContinuityPages(ExitIntentions exits, Substitutions substitutions, Adjacency adjacency, SubstitutionPolicy policy) {
        this.exits = exits;
        this.substitutions = substitutions;
        this.adjacency = adjacency;
        this.policy = policy;
    }

    /** The operator verifies the node (admitting it as a substitution candidate) or takes the verification back. */
    @PostMapping("/ui/nodes/{id}/verification")
    String verify(@PathVariable String id, @RequestParam boolean verified, @RequestParam(required = false) String note,
                  Principal principal, Model model) {
        if (!principal.isOperator()) {
            throw new org.hanse.app.web.ForbiddenException("only the platform operator verifies nodes");
        }
        policy.record(id, verified, note == null || note.isBlank() ? null : note.strip());
        fill(id, principal, model);
        return "continuity/continuity :: list";
    }

    @GetMapping("/ui/nodes/{id}/continuity")
    String panel(@PathVariable String id, Principal principal, Model model) {
        principal.requireSelfOrOperator(id);
        fill(id, principal, model);
        return "continuity/continuity :: list";
    }

    @PostMapping("/ui/nodes/{id}/exit")
    String announce(@PathVariable String id, @RequestParam(required = false) String type, @RequestParam(required = false) String exitDate,
                    @RequestParam(required = false) String reason, Principal principal, Model model, jakarta.servlet.http.HttpServletResponse response) {
        String exitAt = null;
        try {
            exitAt = exitDate == null || exitDate.isBlank() ? null : LocalDate.parse(exitDate).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        } catch (DateTimeParseException e) {
            exitAt = exitDate;
        }
        try {
            exits.announce(id, new ExitIntentions.Announcement(type, exitAt, List.of(), reason), principal);
        } catch (InvalidInputException invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.problems());
        }
        fill(id, principal, model);
        return "continuity/continuity :: list";
    }

    @PostMapping("/ui/substitutions/{substitution}/{decision}")
    String decide(@PathVariable String substitution, @PathVariable String decision, Principal principal, Model model) {
        String node = principal.requireNode();
        switch (decision) {
            case "accept" -> substitutions.accept(substitution, node, node);
            case "decline" -> substitutions.decline(substitution, node, node);
            default -> throw new InvalidInputException("decision", "must be accept or decline");
        }
        fill(node, principal, model);
        return "continuity/continuity :: list";
    }

    private void fill(String id, Principal principal, Model model) {
        // The node's own view, also when the operator looks at its workspace.
        Principal asNode = Principal.node(id);
        model.addAttribute("nodeId", id);
        model.addAttribute("ownExit", exitOf(id, asNode));
        List<Map<String, Object>> neighbourExits = new ArrayList<>();
        for (String neighbour : adjacency.neighbours(id)) {
            Map<String, Object> exit = exitOf(neighbour, asNode);
            if (exit != null) {
                neighbourExits.add(exit);
            }
        }
        model.addAttribute("neighbourExits", neighbourExits);
        model.addAttribute("substitutions", substitutions.list(asNode));
        model.addAttribute("acts", principal.isNode(id));
        model.addAttribute("verification", policy.verification(id));
        model.addAttribute("operator", principal.isOperator());
    }

    private Map<String, Object> exitOf(String node, Principal asNode) {
        try {
            return exits.read(node, asNode);
        } catch (NotFoundException none) {
            return null;
        }
    }
}
