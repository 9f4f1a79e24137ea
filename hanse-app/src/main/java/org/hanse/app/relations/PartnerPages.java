package org.hanse.app.relations;

import java.util.ArrayList;
import java.util.List;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Link;
import org.hanse.app.security.Principal;
import org.hanse.app.trust.TrustLedger;
import org.hanse.app.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The workspace's partners panel: each accepted partner with its relationship class, trust both ways and sharing level. */
@Page
class PartnerPages {

    private final Adjacency adjacency;
    private final RelationLedger relations;
    private final TrustLedger trust;

    PartnerPages(Adjacency adjacency, RelationLedger relations, TrustLedger trust) {
        this.adjacency = adjacency;
        this.relations = relations;
        this.trust = trust;
    }

    /** One partner as the node sees it; {@code relationClass} is null until the pair has been assessed (no orders yet). */
    record Partner(String id, String role, List<String> materials, String relationClass, double trustInThem, double theirTrust,
                   String sharingLevel) {
    }

    @GetMapping("/ui/nodes/{id}/partners")
    String panel(@PathVariable String id, Principal principal, Model model) {
        principal.requireSelfOrOperator(id);
        List<Partner> partners = new ArrayList<>();
        for (Link link : adjacency.acceptedLinksOf(id)) {
            boolean supplier = link.buyer().equals(id);
            String other = supplier ? link.supplier() : link.buyer();
            String relationClass = relations.pair(link.buyer(), link.supplier()).map(p -> p.relationClass().name()).orElse(null);
            // Trust is rated from deliveries, buyer → supplier; the level is what the partner sees of this node.
            partners.add(new Partner(other, supplier ? "supplier" : "buyer", link.materials(), relationClass,
                    round(trust.value(id, other)), round(trust.value(other, id)), trust.level(id, other).name()));
        }
        model.addAttribute("partners", partners);
        return "relations/partners :: list";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
