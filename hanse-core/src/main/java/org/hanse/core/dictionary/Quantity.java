package org.hanse.core.dictionary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/** An exact amount of a unit; converts only within the unit's dimension. */
public record Quantity(BigDecimal amount, UnitOfMeasure unit) {

    /** Precision kept when a conversion divides (34 significant digits, IEEE 754 decimal128). */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    public Quantity {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
    }

    public static Quantity of(String amount, UnitOfMeasure unit) {
        return new Quantity(new BigDecimal(amount), unit);
    }

    /**
     * The same quantity in another unit of the same dimension.
     *
     * @throws IncompatibleUnitsException when the dimensions differ
     */
    public Quantity to(UnitOfMeasure target) {
        if (target.dimension() != unit.dimension()) {
            throw new IncompatibleUnitsException(unit, target);
        }
        if (target == unit) {
            return this;
        }
        BigDecimal inBase = amount.multiply(unit.factorToBase());
        BigDecimal converted = inBase.divide(target.factorToBase(), PRECISION).stripTrailingZeros();
        return new Quantity(converted.scale() < 0 ? converted.setScale(0) : converted, target);
    }

    /** Equal amounts once both are in the same unit (e.g. 1 KGM equals 1000 GRM). */
    public boolean sameAs(Quantity other) {
        return other.unit.dimension() == unit.dimension() && other.to(unit).amount.compareTo(amount) == 0;
    }
}
