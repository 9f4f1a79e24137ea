package org.hanse.app.ordering;

/** Where an order stands: open (accepted, capacity reserved), rejected, completed (receipt recorded) or withdrawn by the buyer. */
enum OrderStatus {
    OPEN, REJECTED, COMPLETED, WITHDRAWN
}
