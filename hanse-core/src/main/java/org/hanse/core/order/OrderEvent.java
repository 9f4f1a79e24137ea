package org.hanse.core.order;

/** What can happen to an order; {@link OrderLifecycle#next} says which state each event leads to. */
public enum OrderEvent {
    /** The maker approves its planned component order: it is sent to the supplier (RULES 3.5). */
    APPROVE,
    /** The supplier's rule (or the supplier) accepted the order at placement. */
    DECIDED_ACCEPT,
    /** The supplier's rule rejected the order at placement, or its chain cannot meet the due date. */
    DECIDED_REJECT,
    /** The supplier overrides a rejection to accept. */
    OVERRIDE_ACCEPT,
    /** The supplier overrides an acceptance to reject. */
    OVERRIDE_REJECT,
    /** The buyer withdraws the order. */
    WITHDRAW,
    /** The order above this one in the chain went away: this component order is cancelled. */
    CANCEL,
    /** The supplier created a logistics unit against the order (nothing has left yet). */
    SHIPMENT_CREATED,
    /** SHIPPED recorded, covering part of the ordered quantity so far. */
    SHIPPED_PART,
    /** SHIPPED recorded, now covering all of the ordered quantity. */
    SHIPPED_ALL,
    /** DELIVERED recorded, covering part of the ordered quantity so far. */
    DELIVERED_PART,
    /** DELIVERED recorded, now covering all of the ordered quantity. */
    DELIVERED_ALL,
    /** ACCEPTED recorded by the buyer for part of the ordered quantity so far. */
    ACCEPTED_PART,
    /** ACCEPTED recorded by the buyer, now for all of the delivered quantity. */
    ACCEPTED_ALL,
    /** The supplier confirmed completion with a receipt (the only delivery signal of an order shipped without tracked units). */
    COMPLETION_CONFIRMED,
    /** The accepted goods of the order are fully paid. */
    FULLY_PAID
}
