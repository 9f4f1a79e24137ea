package org.hanse.app.network;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hanse.app.security.Principal;
import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's partner requests: links waiting for this node's answer (accept, decline), its own requests waiting
 * for others, and a form to ask a node to become a supplier or a buyer for given materials.
 */
@Page
class LinkPages {

    private final Links links;
    private final LinkRepository repository;
    private final Adjacency adjacency;

    LinkPages(Links links, LinkRepository repository, Adjacency adjacency) {
        this.links = links;
        this.repository = repository;
        this.adjacency = adjacency;
    }

    @GetMapping("/ui/nodes/{id}/links")
    String panel(@PathVariable String id, Principal principal, Model model) {
        principal.requireSelfOrOperator(id);
        fill(id, principal, model);
        return "network/links :: list";
    }

    @PostMapping("/ui/nodes/{id}/links")
    String request(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal, Model model,
                   HttpServletResponse response) {
        principal.requireSelfOrOperator(id);
        String partner = form.getOrDefault("partner", "").trim();
        boolean partnerSupplies = !"buyer".equals(form.get("role"));
        List<String> materials = Arrays.stream(form.getOrDefault("materials", "").split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            if (partner.isEmpty()) {
                throw new InvalidInputException(partnerSupplies ? "supplier" : "buyer", "is required: the partner's node id");
            }
            links.request(new Links.Request(form.get("requestId"), partnerSupplies ? id : partner, partnerSupplies ? partner : id, materials),
                    principal);
        } catch (InvalidInputException invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.problems());
            model.addAttribute("values", form);
        }
        fill(id, principal, model);
        return "network/links :: list";
    }

    @PostMapping("/ui/links/{link}/{decision}")
    String decide(@PathVariable String link, @PathVariable String decision, Principal principal, Model model) {
        switch (decision) {
            case "accept" -> links.accept(link, principal);
            case "decline" -> links.decline(link, principal);
            default -> throw new InvalidInputException("decision", "must be accept or decline");
        }
        String node = principal.requireNode();
        fill(node, principal, model);
        return "network/links :: list";
    }

    private void fill(String id, Principal principal, Model model) {
        List<Link> toAnswer = new ArrayList<>();
        List<Link> waiting = new ArrayList<>();
        for (Link l : repository.involving(id)) {
            if (l.status() == LinkStatus.REQUESTED) {
                (l.requestedBy().equals(id) ? waiting : toAnswer).add(l);
            }
        }
        model.addAttribute("nodeId", id);
        model.addAttribute("toAnswer", toAnswer);
        model.addAttribute("waiting", waiting);
        model.addAttribute("myMaterials", adjacency.mappedMaterials(id).stream().sorted().toList());
        model.addAttribute("acts", principal.isNode(id));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        // A fresh id per form: a double submit is one request (the API's replay).
        model.addAttribute("requestId", "ui-" + UUID.randomUUID());
    }
}
