package org.hanse.core.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void convertsWithinMass() {
        assertThat(Quantity.of("2.5", UnitOfMeasure.TNE).to(UnitOfMeasure.KGM).amount()).isEqualByComparingTo("2500");
        assertThat(Quantity.of("1", UnitOfMeasure.LBR).to(UnitOfMeasure.GRM).amount()).isEqualByComparingTo("453.59237");
        assertThat(Quantity.of("1500", UnitOfMeasure.GRM).to(UnitOfMeasure.KGM).amount()).isEqualByComparingTo("1.5");
    }

    @Test
    void convertsWithinLengthAreaVolumeAndCount() {
        assertThat(Quantity.of("1", UnitOfMeasure.FOT).to(UnitOfMeasure.INH).amount()).isEqualByComparingTo("12");
        assertThat(Quantity.of("1", UnitOfMeasure.MTK).to(UnitOfMeasure.CMK).amount()).isEqualByComparingTo("10000");
        assertThat(Quantity.of("5", UnitOfMeasure.LTR).to(UnitOfMeasure.MTQ).amount()).isEqualByComparingTo("0.005");
        assertThat(Quantity.of("3", UnitOfMeasure.DZN).to(UnitOfMeasure.C62).amount()).isEqualByComparingTo("36");
        assertThat(Quantity.of("1", UnitOfMeasure.PR).to(UnitOfMeasure.H87).amount()).isEqualByComparingTo("2");
    }

    @Test
    void thirdsKeepDecimal128Precision() {
        BigDecimal dozens = Quantity.of("1", UnitOfMeasure.C62).to(UnitOfMeasure.DZN).amount();
        assertThat(dozens.precision()).isEqualTo(34);
        assertThat(dozens.toPlainString()).startsWith("0.083333333");
    }

    @Test
    void incompatibleDimensionsAreAnErrorNotANumber() {
        assertThatThrownBy(() -> Quantity.of("1", UnitOfMeasure.KGM).to(UnitOfMeasure.LTR))
                .isInstanceOf(IncompatibleUnitsException.class)
                .hasMessage("cannot convert KGM (mass) to LTR (volume)");
        assertThatThrownBy(() -> Quantity.of("1", UnitOfMeasure.MTR).to(UnitOfMeasure.MTK))
                .isInstanceOf(IncompatibleUnitsException.class);
    }

    @Test
    void unknownCodeIsNotGuessed() {
        assertThat(UnitOfMeasure.ofCode("KGS")).isEmpty();
        assertThat(UnitOfMeasure.ofCode("KGM")).contains(UnitOfMeasure.KGM);
    }

    @Test
    void sameAsComparesAcrossUnits() {
        assertThat(Quantity.of("1", UnitOfMeasure.KGM).sameAs(Quantity.of("1000", UnitOfMeasure.GRM))).isTrue();
        assertThat(Quantity.of("1", UnitOfMeasure.KGM).sameAs(Quantity.of("1", UnitOfMeasure.LTR))).isFalse();
    }
}
