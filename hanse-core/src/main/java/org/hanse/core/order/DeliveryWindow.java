package org.hanse.core.order;

import java.time.Instant;

/** The delivery window [earliest, due] of an order. */
public record DeliveryWindow(Instant earliest, Instant due) {

    public DeliveryWindow {
        if (due.isBefore(earliest)) {
            throw new IllegalArgumentException("due must not be before earliest");
        }
    }
}
