package org.hanse.core.buffer;

import java.util.Comparator;
import java.util.List;
import org.hanse.core.node.Location;
import org.hanse.core.order.Transit;

/**
 * The exception protocol (RULES 3.6). Below B_lo: non-urgent (U &lt; θ_U) outbound releases are held and peers
 * holding the material above their B_hi are asked for an emergency transfer, nearest first. Above B_hi:
 * non-urgent inbound replenishment is held. Holds end when the zone recovers.
 */
public final class ExceptionProtocol {

    private ExceptionProtocol() {
    }

    public static boolean holdsOutbound(Zone zone, double urgency, double thetaU) {
        return zone == Zone.BELOW && urgency < thetaU;
    }

    public static boolean holdsInbound(Zone zone, double urgency, double thetaU) {
        return zone == Zone.ABOVE && urgency < thetaU;
    }

    /** A peer's buffer of the same material. */
    public record PeerBuffer(String node, Location location, double level, double high) {
        double surplus() {
            return level - high;
        }
    }

    /** A peer that can be asked, with its surplus above B_hi and its distance. */
    public record Candidate(String node, double surplus, double distanceKm) {
    }

    /** Peers above their B_hi, nearest first (ties by node id), each with the surplus it could give. */
    public static List<Candidate> transferCandidates(Location self, List<PeerBuffer> peers) {
        return peers.stream()
                .filter(p -> p.surplus() > 0)
                .map(p -> new Candidate(p.node(), p.surplus(), Transit.greatCircleKm(self, p.location())))
                .sorted(Comparator.comparingDouble(Candidate::distanceKm).thenComparing(Candidate::node))
                .toList();
    }

    /**
     * The proxy estimate a supplier publishes for a buyer without inventory-notify (RULES 3.1): last known position
     * + deliveries since − estimated consumption (mean daily demand from its order history × days elapsed), never
     * below zero.
     */
    public static double proxyPosition(double lastKnown, double deliveriesSince, double dailyConsumption, double daysElapsed) {
        return Math.max(0, lastKnown + deliveriesSince - dailyConsumption * daysElapsed);
    }
}
