package org.hanse.core.dictionary;

/** Raised when a quantity is converted between units of different dimensions: an error, never a number. */
public class IncompatibleUnitsException extends RuntimeException {

    private final UnitOfMeasure from;
    private final UnitOfMeasure to;

    public IncompatibleUnitsException(UnitOfMeasure from, UnitOfMeasure to) {
        super("cannot convert " + from.code() + " (" + from.dimension().name().toLowerCase() + ") to "
                + to.code() + " (" + to.dimension().name().toLowerCase() + ")");
        this.from = from;
        this.to = to;
    }

    public UnitOfMeasure from() {
        return from;
    }

    public UnitOfMeasure to() {
        return to;
    }
}
