package org.hanse.core.order;

/** One line as the supplier sees it: a dictionary material and a quantity in the supplier's mapped unit. */
public record OrderLine(String material, double quantity) {

    public OrderLine {
        if (!(quantity > 0)) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
