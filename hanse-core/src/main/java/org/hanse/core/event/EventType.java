package org.hanse.core.event;

import java.util.Arrays;
import java.util.Optional;
import org.hanse.core.node.InterfaceModule;

/**
 * The catalogue of node-to-node event types. Types that belong to an interface module can be published
 * by a neighbour on behalf of a node that has not enabled that module (proxy conversion, RULES 3.1).
 */
public enum EventType {
    /** A node joined and its config was sent to its new neighbour. */
    NODE_JOINED(null, false),
    /** A node changed its config: carries the merge patch between two versions. */
    CONFIG_CHANGED(null, false),
    /** A node asks another to become its supplier or buyer. */
    LINK_REQUESTED(null, false),
    /** A link request was accepted; both sides now receive each other's config and events. */
    LINK_ACCEPTED(null, false),
    /** A link request was declined. */
    LINK_DECLINED(null, false),
    /** A link was ended by one of its parties. */
    LINK_ENDED(null, false),
    /** A partner's message went unanswered for wait × (retries + 1). */
    RESPONSE_TIMED_OUT(InterfaceModule.EXCEPTION_BROADCAST, true),
    /** A confirmed delivery did not arrive. */
    DELIVERY_MISSED(InterfaceModule.EXCEPTION_BROADCAST, true),
    /** Status of an order, as the supplier reports it or as the buyer derives it from shipments. */
    ORDER_STATUS(InterfaceModule.ORDER_SYNC, true),
    /** A node's inventory position, as it reports it or as its supplier estimates it. */
    INVENTORY_POSITION(InterfaceModule.INVENTORY_NOTIFY, true),
    /** A buyer placed an order with its supplier. */
    ORDER_PLACED(InterfaceModule.ORDER_SYNC, false),
    /** The supplier's decision on an order (or an override of it). */
    ORDER_RESPONSE(InterfaceModule.ORDER_SYNC, false),
    /** A late or early finish moved the later nodes' start windows. */
    SEQUENCE_RECONSTRUCTED(InterfaceModule.ORDER_SYNC, false),
    /** After a reconstruction some slack in the chain is negative: the buyer's due date is at risk. */
    DUE_DATE_AT_RISK(InterfaceModule.EXCEPTION_BROADCAST, false),
    /** A buffer's state vector (levels, depletion time, interval, zone) for the adjacent nodes. */
    STATE_VECTOR(InterfaceModule.INVENTORY_NOTIFY, false),
    /** Depletion comes before replenishment: the upstream is asked to expedite. */
    EXPEDITE_REQUEST(InterfaceModule.EXCEPTION_BROADCAST, false),
    /** Depletion comes before replenishment: the adjacent downstream nodes are warned. */
    STOCKOUT_WARNING(InterfaceModule.EXCEPTION_BROADCAST, false),
    /** A downstream node's answer to a stockout warning (lower consumption or a backup buffer). */
    WARNING_ANSWERED(InterfaceModule.EXCEPTION_BROADCAST, false),
    /** A buyer answered a stockout warning by asking the supplier of an open order to deliver it by an earlier date. */
    EXPEDITE_REQUESTED(InterfaceModule.EXCEPTION_BROADCAST, false),
    /** Below B_lo: a peer holding the material above its B_hi is asked for a transfer. */
    EMERGENCY_TRANSFER(InterfaceModule.EXCEPTION_BROADCAST, false),
    /** A peer accepted or declined an emergency transfer. */
    TRANSFER_DECIDED(InterfaceModule.EXCEPTION_BROADCAST, false),
    /** A logistics unit reached a milestone (SHIPPED, IN_TRANSIT checkpoint, DELIVERED, ACCEPTED). */
    SHIPMENT_MILESTONE(InterfaceModule.ORDER_SYNC, false),
    /** A payment was matched to the logistics units and milestones it pays. */
    PAYMENT_MATCHED(InterfaceModule.ORDER_SYNC, false),
    /** A payment could not be matched: the payee resolves it. */
    UNMATCHED_PAYMENT(InterfaceModule.EXCEPTION_BROADCAST, false),
    /** A correction of the logistics–capital synchronisation was proposed or applied. */
    CORRECTION_PROPOSED(null, false),
    /** The supplier accepted or declined proposed milestone terms. */
    CORRECTION_DECIDED(null, false),
    /** One side proposed promised levels and dimension weights for the pair's trust. */
    TRUST_PARAMETERS_PROPOSED(null, false),
    /** Both sides proposed the same levels and weights: they apply to the pair from now on. */
    TRUST_PARAMETERS_AGREED(null, false),
    /** A truster reported a penalty (malicious default or information concealment) about a partner. */
    PENALTY_REPORTED(null, false),
    /** A penalty was disputed, confirmed, upheld, rejected or withdrawn. */
    PENALTY_DECIDED(null, false),
    /** A partner moved between the POLLING and REAL_TIME lists of a node. */
    SHARING_LEVEL_CHANGED(null, false),
    /** A node announces it will leave: exit time, remaining capacity and how each partner sees it (planned or not). */
    EXIT_INTENTION(null, false),
    /** The platform detected an unannounced exit: silence beyond the response timeout and a missed delivery. */
    EXIT_DETECTED(null, false),
    /** A buyer's backup list for a supplier and material has fewer than two viable candidates. */
    BACKUP_LIST_SHORT(null, false),
    /** A contract-net call: take over a leaving supplier's business with a buyer (historical parameters and windows). */
    SUBSTITUTION_REQUEST(null, false),
    /** A candidate won a substitution: open orders move to it, the link is rewired. */
    SUBSTITUTION_WON(null, false),
    /** The substitution was taken by another candidate (or closed): this candidate's offer is cancelled. */
    SUBSTITUTION_CANCELLED(null, false),
    /** Nobody took the substitution, even after widening to capability matching. */
    SUBSTITUTION_FAILED(null, false),
    /** A pair's relationship class changed: new sharing depth, exception priority and, for lock-in, diversification advice. */
    RELATIONSHIP_REASSESSED(null, false),
    /** The critical path toward a finished-goods node changed (its nodes now get redundant encoding). */
    CRITICAL_PATH_CHANGED(null, false),
    /** An item relayed along the chain, with its origin and hop count. */
    RELAYED_ITEM(null, false),
    /** Beyond the relay cap: the node now takes the origin's items directly. */
    RELAY_SUBSCRIBED(null, false),
    /** Please forward this copy of a message to a critical node (the second, independent path). */
    RELAY_REQUEST(null, false),
    /** A message that reached a critical node on two paths (or on one after the timeout, flagged DEGRADED), applied once. */
    SECURE_MESSAGE(null, false),
    /** The two copies of a message differ: neither is applied. */
    INTEGRITY_MISMATCH(null, false),
    /** Free-form note between partners (no rule reacts to it). */
    PARTNER_NOTE(null, true);

    private final InterfaceModule module;
    private final boolean sendableByNodes;

    EventType(InterfaceModule module, boolean sendableByNodes) {
        this.module = module;
        this.sendableByNodes = sendableByNodes;
    }

    /** The interface module this type belongs to, if any. */
    public Optional<InterfaceModule> module() {
        return Optional.ofNullable(module);
    }

    /** Whether a node may send this type itself through the API; the others are emitted by platform rules. */
    public boolean sendableByNodes() {
        return sendableByNodes;
    }

    public static Optional<EventType> ofName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
