package org.hanse.core.order;

/** Where an order's goods stand in their life cycle (RULES 3.5.1); the last four are final or dead ends. */
public enum OrderState {
    /** A component order proposed by its maker's BOM explosion, waiting for the maker's approval; not sent, not on order. */
    PLANNED,
    /** Posted, not yet decided. */
    PLACED,
    /** Accepted by the supplier (its capacity reserved); nothing has left yet. */
    CONFIRMED,
    /** Some, not all, of the ordered quantity has left the supplier. */
    PARTIALLY_SHIPPED,
    /** The whole ordered quantity has left the supplier. */
    SHIPPED,
    /** The whole ordered quantity has arrived at the buyer (or the supplier confirmed completion without tracked shipments). */
    DELIVERED,
    /** Delivered and the accepted goods fully paid: nothing is left to do. */
    CLOSED,
    /** Refused by the supplier (decision or override); may be overridden to accept or resubmitted by the buyer. */
    REJECTED,
    /** Withdrawn by its buyer before anything left. */
    WITHDRAWN,
    /** Cancelled because the order above it in the chain no longer needs it. */
    CANCELLED;

    /** Accepted and not yet delivered: counts as open demand, pipeline and work in progress. */
    public boolean open() {
        return this == PLACED || this == CONFIRMED || this == PARTIALLY_SHIPPED || this == SHIPPED;
    }

    /** Refused, withdrawn or cancelled: the order will deliver nothing. */
    public boolean dead() {
        return this == REJECTED || this == WITHDRAWN || this == CANCELLED;
    }

    /** Goods have left the supplier (or arrived): the supplier can no longer take its acceptance back. */
    public boolean goodsMoved() {
        return this == PARTIALLY_SHIPPED || this == SHIPPED || this == DELIVERED || this == CLOSED;
    }

    /** The word the workspace shows for the state. */
    public String word() {
        return switch (this) {
            case PLANNED -> "planned";
            case PLACED -> "placed";
            case CONFIRMED -> "confirmed";
            case PARTIALLY_SHIPPED -> "partly shipped";
            case SHIPPED -> "shipped";
            case DELIVERED -> "delivered";
            case CLOSED -> "closed";
            case REJECTED -> "rejected";
            case WITHDRAWN -> "withdrawn";
            case CANCELLED -> "cancelled";
        };
    }
}
