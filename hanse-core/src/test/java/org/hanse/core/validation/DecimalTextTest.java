package org.hanse.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    static final DecimalText.Style DE_GROUPED = DecimalText.Style.of(Locale.GERMANY, true);
    static final DecimalText.Style DE = DecimalText.Style.of(Locale.GERMANY, false);

    static BigDecimal read(String text, DecimalText.Style style) {
        return DecimalText.parse(text, style, new String[1]);
    }

    static String why(String text, DecimalText.Style style) {
        String[] reason = new String[1];
        assertThat(DecimalText.parse(text, style, reason)).as(text).isNull();
        return reason[0];
    }

    @Test
    void thePlainStyleReadsDotDecimalsOnly() {
        assertThat(read("1.5", DecimalText.Style.PLAIN)).isEqualByComparingTo("1.5");
        assertThat(read("125", DecimalText.Style.PLAIN)).isEqualByComparingTo("125");
        assertThat(read("-0.25", DecimalText.Style.PLAIN)).isEqualByComparingTo("-0.25");
        assertThat(read("1.234", DecimalText.Style.PLAIN)).isEqualByComparingTo("1.234");
        // An exponent is unambiguous in every style; the caller's range decides whether 10^15 is a count.
        assertThat(read("1e15", DecimalText.Style.PLAIN)).isEqualByComparingTo("1000000000000000");
    }

    @Test
    void aCommaUnderTheDotStyleIsAProblemNotOneOrFifteen() {
        assertThat(why("1,5", DecimalText.Style.PLAIN))
                .isEqualTo("'1,5' is not a number as declared (decimal mark '.' and no grouping): ',' is neither a digit nor one of its marks");
        assertThat(why("1.234,5", DecimalText.Style.PLAIN))
                .isEqualTo("'1.234,5' is not a number as declared (decimal mark '.' and no grouping): more than one decimal mark, or a non-digit after it");
        assertThat(why("1.2.3", DecimalText.Style.PLAIN)).endsWith(": more than one decimal mark, or a non-digit after it");
        assertThat(why("", DecimalText.Style.PLAIN)).isEqualTo("is empty");
        assertThat(why(".5", DecimalText.Style.PLAIN)).endsWith(": no digit before the decimal mark");
        assertThat(why("12 kg", DecimalText.Style.PLAIN)).endsWith(": 'space' is neither a digit nor one of its marks");
    }

    @Test
    void aGermanFileReadsCommaDecimalsAndGroupsOnlyWhereDeclared() {
        assertThat(read("1,5", DE)).isEqualByComparingTo("1.5");
        assertThat(read("1.234,5", DE_GROUPED)).isEqualByComparingTo("1234.5");
        assertThat(read("1.234.567", DE_GROUPED)).isEqualByComparingTo("1234567");
        // Without declared grouping the dot is no mark at all: neither 1.234 nor 1234.
        assertThat(why("1.234", DE)).isEqualTo("'1.234' is not a number as declared (decimal mark ',' and no grouping): '.' is neither a digit nor one of its marks");
        assertThat(why("1.23,5", DE_GROUPED)).isEqualTo("'1.23,5' is not a number as declared (decimal mark ',' and grouping '.'): the digits are not grouped in threes");
        assertThat(why("1,234.5", DE_GROUPED)).endsWith(": more than one decimal mark, or a non-digit after it");
    }

    @Test
    void aSpaceGroupedLocaleAcceptsAPlainSpace() {
        DecimalText.Style fr = DecimalText.Style.of(Locale.FRANCE, true);
        assertThat(fr.decimal()).isEqualTo(',');
        assertThat(read("1 234,5", fr)).isEqualByComparingTo("1234.5");
        assertThat(read("1\u202f234,5", fr)).isEqualByComparingTo("1234.5");
    }
}
