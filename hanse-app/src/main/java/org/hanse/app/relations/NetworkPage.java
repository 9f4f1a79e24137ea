package org.hanse.app.relations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.app.continuity.ExitBoard;
import org.hanse.app.inventory.StockBook;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Link;
import org.hanse.app.network.NodeRegistry;
import org.hanse.app.security.Principal;
import org.hanse.app.trust.TrustLedger;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The platform operator's view: the whole network as an interactive graph (nodes coloured by their worst buffer zone
 * or by the trust held in them, edges by relationship class, critical paths highlighted, exits and their substitutes
 * marked) with the same facts as a table, and the alerts across the network.
 */
@Page
class NetworkPage {

    private final NodeRegistry nodes;
    private final Adjacency adjacency;
    private final RelationLedger relations;
    private final CriticalPaths criticalPaths;
    private final StockBook stock;
    private final TrustLedger trust;
    private final ExitBoard exits;
    private final org.hanse.app.parameters.NetworkParameterSource parameters;

    NetworkPage(NodeRegistry nodes, Adjacency adjacency, RelationLedger relations, CriticalPaths criticalPaths, StockBook stock,
                TrustLedger trust, ExitBoard exits, org.hanse.app.parameters.NetworkParameterSource parameters) {
        this.parameters = parameters;
        this.nodes = nodes;
        this.adjacency = adjacency;
        this.relations = relations;
        this.criticalPaths = criticalPaths;
        this.stock = stock;
        this.trust = trust;
        this.exits = exits;
    }

    @GetMapping("/ui/network")
    String page(Principal principal, Model model) {
        requireOperator(principal);
        model.addAttribute("graph", graph(principal));
        model.addAttribute("trustParameters", parameters.parameters().trust());
        model.addAttribute("alerts", exits.alerts(50));
        return "relations/network";
    }

    @GetMapping("/ui/network/alerts")
    String alerts(Principal principal, Model model) {
        requireOperator(principal);
        model.addAttribute("alerts", exits.alerts(50));
        return "relations/network :: alerts";
    }

    /** Cytoscape elements: nodes with zone, trust, tier role and exit state; edges with class, critical flag and substitutes. */
    @GetMapping(value = "/ui/network/graph.json", produces = "application/json")
    @ResponseBody
    Map<String, Object> graph(Principal principal) {
        requireOperator(principal);
        Map<String, String> zones = stock.worstZones();
        Map<String, Double> trustIn = trust.meanTrustIn();
        // Trust bands follow the network's sharing thresholds.
        org.hanse.core.parameters.NetworkParameters.TrustParameters bands = parameters.parameters().trust();
        Map<String, ExitBoard.Exit> exitOf = new HashMap<>();
        exits.exits().forEach(e -> exitOf.put(e.node(), e));
        List<ExitBoard.Substitute> substitutions = exits.substitutes();
        Set<String> substitutes = new HashSet<>();
        substitutions.forEach(s -> substitutes.add(s.substitute()));
        Set<String> criticalEdges = new HashSet<>();
        Set<String> criticalNodes = new HashSet<>();
        for (List<String> path : criticalPaths.stored().values()) {
            criticalNodes.addAll(path);
            for (int i = 0; i + 1 < path.size(); i++) {
                // Paths run from the deepest supplier toward the finished-goods node.
                criticalEdges.add(path.get(i) + ">" + path.get(i + 1));
                criticalEdges.add(path.get(i + 1) + ">" + path.get(i));
            }
        }
        List<Map<String, Object>> nodeElements = new ArrayList<>();
        for (NodeRegistry.Snapshot n : nodes.list(principal)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", n.id());
            data.put("label", n.name());
            data.put("zone", zones.getOrDefault(n.id(), "NONE"));
            Double t = trustIn.get(n.id());
            data.put("trust", t == null ? null : Math.round(t * 1000) / 1000.0);
            data.put("trustBand", t == null ? "UNRATED" : t < bands.pollingBelow() ? "LOW" : t < bands.realTimeFrom() ? "MEDIUM" : "HIGH");
            ExitBoard.Exit exit = exitOf.get(n.id());
            data.put("exit", exit == null ? null : exit.status());
            data.put("exited", exit != null);
            data.put("substitute", substitutes.contains(n.id()));
            data.put("critical", criticalNodes.contains(n.id()));
            nodeElements.add(Map.of("data", data));
        }
        Map<String, String> classes = new HashMap<>();
        relations.pairs().forEach(p -> classes.put(p.buyer() + ">" + p.supplier(), p.relationClass().name()));
        List<Map<String, Object>> edgeElements = new ArrayList<>();
        for (Link l : adjacency.acceptedLinks()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", l.id());
            data.put("source", l.supplier());
            data.put("target", l.buyer());
            data.put("relationClass", classes.getOrDefault(l.buyer() + ">" + l.supplier(), "UNASSESSED"));
            data.put("critical", criticalEdges.contains(l.supplier() + ">" + l.buyer()));
            data.put("materials", String.join(", ", l.materials()));
            edgeElements.add(Map.of("data", data));
        }
        for (ExitBoard.Substitute s : substitutions) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", "substitute-" + s.original() + "-" + s.buyer() + "-" + s.substitute());
            data.put("source", s.substitute());
            data.put("target", s.original());
            data.put("relationClass", "SUBSTITUTE");
            data.put("critical", false);
            data.put("materials", s.material());
            edgeElements.add(Map.of("data", data));
        }
        return Map.of("nodes", nodeElements, "edges", edgeElements);
    }

    private static void requireOperator(Principal principal) {
        if (!principal.isOperator()) {
            throw new ForbiddenException("the network map is the platform operator's");
        }
    }
}
