package org.hanse.core.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class UnitConversionProperties {

    @Property
    void conversionWithinADimensionRoundTrips(@ForAll @BigRange(min = "0", max = "1000000") @Scale(3) BigDecimal amount,
                                              @ForAll UnitOfMeasure from, @ForAll UnitOfMeasure to) {
        Assume.that(from.dimension() == to.dimension());
        Quantity there = new Quantity(amount, from).to(to);
        Quantity back = there.to(from);
        // DECIMAL128 keeps 34 digits: the round trip is exact to far below any physical meaning.
        assertThat(back.amount().subtract(amount).abs()).isLessThan(new BigDecimal("1E-20"));
    }

    @Property
    void conversionAcrossDimensionsAlwaysFails(@ForAll UnitOfMeasure from, @ForAll UnitOfMeasure to) {
        Assume.that(from.dimension() != to.dimension());
        assertThatThrownBy(() -> Quantity.of("1", from).to(to)).isInstanceOf(IncompatibleUnitsException.class);
    }

    @Property
    void checkDigitMakesEveryGtinValid(@ForAll @BigRange(min = "0", max = "9999999999999") BigDecimal body) {
        String digits = String.format("%013d", body.toBigInteger());
        String gtin = digits + Gs1CheckDigit.compute(digits);
        assertThat(MaterialCode.parse(gtin).ok()).isTrue();
        // Any other last digit is rejected.
        char wrong = (char) ('0' + (gtin.charAt(13) - '0' + 1) % 10);
        assertThat(MaterialCode.parse(gtin.substring(0, 13) + wrong).ok()).isFalse();
    }
}
