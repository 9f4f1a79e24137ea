package org.hanse.core.order;

/** Lot rules of an order: partial quantities are offered only as at least {@code minimum}, in multiples of {@code multiple}. */
public record Batch(double minimum, double multiple) {

    public static final Batch ANY = new Batch(0, 1e-9);

    /** The largest quantity ≤ q that respects the lot rules, or 0. */
    public double roundDown(double q) {
        double rounded = multiple <= 1e-9 ? q : Math.floor(q / multiple + 1e-9) * multiple;
        return rounded + 1e-9 >= minimum ? rounded : 0;
    }
}
