package org.hanse.core.order;

/** An event the order's current state does not allow; the message names the state. */
public class IllegalTransitionException extends RuntimeException {

    private final OrderState state;
    private final OrderEvent event;

    public IllegalTransitionException(OrderState state, OrderEvent event) {
        super("the order is " + state + "; " + event + " is not allowed in that state");
        this.state = state;
        this.event = event;
    }

    public OrderState state() {
        return state;
    }

    public OrderEvent event() {
        return event;
    }
}
