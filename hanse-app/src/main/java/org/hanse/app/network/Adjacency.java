package org.hanse.app.network;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.node.InterfaceModule;
import org.hanse.core.node.Location;
import org.hanse.core.node.ResponseTimeout;
import org.hanse.core.order.Transit;
import org.springframework.stereotype.Service;

/** What other modules may ask about the network: accepted links, transit, a node's BOM mapping, modules and timeout. */
@Service
public class Adjacency {

    private final LinkRepository links;
    private final NodeRepository nodes;
    private final List<DelayAdvice> delays;

    Adjacency(LinkRepository links, NodeRepository nodes, List<DelayAdvice> delays) {
        this.links = links;
        this.nodes = nodes;
        this.delays = delays;
    }

    /** One row of a node's BOM mapping: the dictionary unit it counts the material in, and its local unit's factor. */
    public record Mapping(String material, String local, UnitOfMeasure unit, String localUnit, BigDecimal factor) {
    }

    public boolean isSupplierOf(String supplier, String buyer) {
        return links.accepted(buyer, supplier).isPresent();
    }

    public boolean areNeighbours(String a, String b) {
        return links.areNeighbours(a, b);
    }

    public Set<String> neighbours(String node) {
        return links.neighbours(node);
    }

    /** Accepted suppliers of the node for the material (its upstream). */
    public List<String> suppliersOf(String buyer, String material) {
        return acceptedLinksOf(buyer).stream()
                .filter(l -> l.buyer().equals(buyer) && l.materials().contains(material))
                .map(Link::supplier).distinct().toList();
    }

    /** Accepted buyers of the node for the material (its adjacent downstream). */
    public List<String> buyersOf(String supplier, String material) {
        return acceptedLinksOf(supplier).stream()
                .filter(l -> l.supplier().equals(supplier) && l.materials().contains(material))
                .map(Link::buyer).distinct().toList();
    }

    /** The node's accepted links, as buyer or as supplier. */
    public List<Link> acceptedLinksOf(String node) {
        return links.involving(node).stream().filter(l -> l.status() == LinkStatus.ACCEPTED).toList();
    }

    /** The supplier's accepted and ended links as supplier: who takes, or took, what from it (also after it left). */
    public List<Link> suppliedBy(String supplier) {
        return links.involving(supplier).stream()
                .filter(l -> l.supplier().equals(supplier) && (l.status() == LinkStatus.ACCEPTED || l.status() == LinkStatus.ENDED)).toList();
    }

    /** Every accepted link as (buyer, supplier, materials), for periodic work over the network. */
    public List<Link> acceptedLinks() {
        return links.withStatus(LinkStatus.ACCEPTED);
    }

    /** Every node's location, read in one pass (for network-wide analytics). */
    @SuppressWarnings("unchecked")
    public Map<String, Location> locations() {
        Map<String, Location> out = new java.util.HashMap<>();
        for (NodeRecord n : nodes.all()) {
            Map<String, Object> loc = (Map<String, Object>) ((Map<String, Object>) n.config().get("node")).get("location");
            out.put(n.id(), new Location(((Number) loc.get("lat")).doubleValue(), ((Number) loc.get("lon")).doubleValue()));
        }
        return out;
    }

    public Location locationOf(String node) {
        return location(node);
    }

    public boolean exists(String node) {
        return nodes.find(node).isPresent();
    }

    /**
     * Transit supplier → buyer over their accepted link: the link's stated transit, else estimated from the two
     * locations; empty when there is no accepted link.
     */
    public Optional<Duration> transit(String supplier, String buyer) {
        return links.accepted(buyer, supplier)
                .map(link -> link.transit() != null ? link.transit() : Transit.estimate(location(supplier), location(buyer)));
    }

    @SuppressWarnings("unchecked")
    public Optional<Mapping> mapping(String node, String material) {
        return nodes.find(node).flatMap(n -> ((List<Map<String, Object>>) n.config().get("bom-mapping")).stream()
                .filter(row -> material.equals(row.get("material")))
                .findFirst()
                .map(row -> {
                    Map<String, Object> unit = (Map<String, Object>) row.get("unit");
                    return new Mapping(material, (String) row.get("local"), UnitOfMeasure.ofCode((String) unit.get("code")).orElseThrow(),
                            (String) unit.get("local"), new BigDecimal(String.valueOf(unit.get("factor"))));
                }));
    }

    /** Dictionary materials of the node's BOM mapping. */
    @SuppressWarnings("unchecked")
    public Set<String> mappedMaterials(String node) {
        return nodes.find(node).map(n -> ((List<Map<String, Object>>) n.config().get("bom-mapping")).stream()
                .map(row -> (String) row.get("material")).collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
    }

    /** Every registered node whose BOM mapping holds the material (who could supply it), by id. */
    @SuppressWarnings("unchecked")
    public List<String> nodesMapping(String material) {
        return nodes.all().stream().filter(n -> ((List<Map<String, Object>>) n.config().get("bom-mapping")).stream()
                .anyMatch(row -> material.equals(row.get("material")))).map(NodeRecord::id).sorted().toList();
    }

    /** Distance between two nodes in km (great circle), for the extra transport cost of a backup. */
    public double distanceKm(String a, String b) {
        return org.hanse.core.order.Transit.greatCircleKm(location(a), location(b));
    }

    public Set<InterfaceModule> modules(String node) {
        return nodes.find(node).map(n -> NodeRegistry.modules(n.config())).orElse(Set.of());
    }

    /** The response timeout as the node's config declares it (orders' override windows, link requests). */
    public ResponseTimeout responseTimeout(String node) {
        return nodes.find(node).map(n -> Links.timeoutOf(n.config())).orElse(ResponseTimeout.DEFAULT);
    }

    /**
     * The timeout after which silence counts (exit detection): the declared wait lengthened to base + 2σ of the measured
     * delays toward the node, so a slow line is not mistaken for a node that left.
     */
    public ResponseTimeout silenceTimeout(String node) {
        ResponseTimeout declared = responseTimeout(node);
        for (DelayAdvice advice : delays) {
            Optional<Double> variance = advice.delayVarianceSeconds2(node);
            if (variance.isPresent()) {
                return new ResponseTimeout(org.hanse.core.relation.Distortion.suggestedTimeout(declared.waitFor(), variance.get()), declared.retries());
            }
        }
        return declared;
    }

    @SuppressWarnings("unchecked")
    private Location location(String node) {
        Map<String, Object> loc = (Map<String, Object>) ((Map<String, Object>) nodes.find(node).orElseThrow().config().get("node")).get("location");
        return new Location(((Number) loc.get("lat")).doubleValue(), ((Number) loc.get("lon")).doubleValue());
    }
}
