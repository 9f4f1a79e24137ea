package org.hanse.app.inventory;

import java.math.BigDecimal;

/** Kinds of stock movement and the sign each gives its quantity (an adjustment is signed by the caller). */
enum MovementKind {
    RECEIPT, CONSUMPTION, ADJUSTMENT, TRANSFER_IN, TRANSFER_OUT;

    BigDecimal signed(BigDecimal quantity) {
        return switch (this) {
            case RECEIPT, TRANSFER_IN -> quantity.abs();
            case CONSUMPTION, TRANSFER_OUT -> quantity.abs().negate();
            case ADJUSTMENT -> quantity;
        };
    }
}
