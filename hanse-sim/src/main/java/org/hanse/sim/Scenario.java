package org.hanse.sim;

import java.util.List;
import org.hanse.core.parameters.NetworkParameters;

/**
 * A simulation scenario: horizon and statistics settings, the ordering policy, which Hanse mechanisms are on, the
 * network (nodes and supplier links), the disruptions and the network's rule parameters (the {@code parameters:} block,
 * read by the same core reader as the server's; defaults when absent). Read from YAML by {@link ScenarioReader}.
 */
public record Scenario(String name, int horizon, int warmUp, int replications, long seed, Policy policy, Mechanisms mechanisms,
                       List<NodeSpec> nodes, List<LinkSpec> links, List<Disruption> disruptions,
                       NetworkParameters parameters) {

    /** How nodes size their orders. */
    public enum PolicyKind { TEXTBOOK, BASE_STOCK, HANSE }

    /**
     * The ordering policy: the textbook order-up-to (p-period moving average, safety factor z, negative orders allowed
     * or not, decentralized or centralized demand information), base stock for the known demand, or the Hanse buffers
     * (order up to B_hi when the level falls below B_lo, RULES 3.6) at service level α.
     */
    public record Policy(PolicyKind kind, int p, double z, boolean allowNegativeOrders, boolean centralized, double serviceLevel) {
    }

    /** The Hanse mechanisms of RULES 3, each switchable on its own. */
    public record Mechanisms(boolean triggerResponse, boolean forecastSharing, boolean warnings, boolean payments, boolean trust,
                             boolean substitution) {
        public static final Mechanisms NONE = new Mechanisms(false, false, false, false, false, false);
        public static final Mechanisms ALL = new Mechanisms(true, true, true, true, true, true);
    }

    /**
     * A node: its tier (1 faces end customers), inbound lead time, end demand (tier 1), capacity per day
     * ({@code Double.POSITIVE_INFINITY} when unlimited), location, starting stock, unit price of what it sells, how many
     * days after arrival it pays its suppliers, the share of its deliveries rejected at inspection, and its equipment
     * (for backup similarity).
     */
    public record NodeSpec(String id, int tier, LeadTime leadTime, Demand demand, double capacity, double lat, double lon,
                           double initialInventory, double unitPrice, double paymentDelayDays, double defectRate, List<String> equipment) {
    }

    /** Buyer orders from supplier. A node without a supplier link is supplied from outside without limit. */
    public record LinkSpec(String buyer, String supplier) {
    }
}
