package org.hanse.core.order;

/** Order priority and its weight in the urgency index (normal 1.0, high 1.5). */
public enum Priority {
    NORMAL(1.0), HIGH(1.5);

    private final double weight;

    Priority(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
