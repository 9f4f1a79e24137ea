package org.hanse.core.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gs1CheckDigitTest {

    // Check digits worked by hand: weights 3,1,3,… from the right, check = (10 − sum mod 10) mod 10.
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "629104150021, 3",   // GS1's own worked example (sum 57)
            "400638133393, 1",   // EAN-13 4006381333931 (sum 89)
            "03600029145, 2",    // UPC-A 036000291452 (sum 58)
            "9638507, 4",        // EAN-8 96385074 (sum 86)
            "1061414100001, 9",  // GTIN-14 10614141000019 (sum 51)
            "061414100000, 5"    // GLN 0614141000005 (sum 45)
    })
    void computesCheckDigit(String body, int expected) {
        assertThat(Gs1CheckDigit.compute(body)).isEqualTo(expected);
    }

    @Test
    void validGtinsOfEveryLengthParse() {
        assertThat(MaterialCode.parse("96385074").code()).isEqualTo(new MaterialCode(MaterialCode.Kind.GTIN, "96385074"));
        assertThat(MaterialCode.parse("036000291452").ok()).isTrue();
        assertThat(MaterialCode.parse("4006381333931").ok()).isTrue();
        assertThat(MaterialCode.parse("10614141000019").ok()).isTrue();
        assertThat(MaterialCode.parse("06901234000122").ok()).isTrue();
    }

    @Test
    void wrongCheckDigitSaysWhatItShouldBe() {
        assertThat(MaterialCode.parse("4006381333932").error()).isEqualTo("GTIN check digit should be 1");
        assertThat(MaterialCode.parse("96385075").error()).isEqualTo("GTIN check digit should be 4");
    }

    @Test
    void wrongLengthAndBadPlatformCodesAreRejected() {
        assertThat(MaterialCode.parse("123456789").error()).isEqualTo("GTIN must have 8, 12, 13 or 14 digits, not 9");
        assertThat(MaterialCode.parse("oak board").ok()).isFalse();
        assertThat(MaterialCode.parse("").error()).isEqualTo("material code is required");
    }

    @Test
    void platformCodesStartWithALetter() {
        assertThat(MaterialCode.parse("HNS-OAK-VENEER").code().kind()).isEqualTo(MaterialCode.Kind.PLATFORM);
    }

    @Test
    void gtinsCompareAsFourteenDigits() {
        assertThat(MaterialCode.parse("4006381333931").code().gtin14()).contains("04006381333931");
    }

    @Test
    void glnIsValidated() {
        assertThat(Gln.problem("0614141000005")).isEmpty();
        assertThat(Gln.problem("0614141000006")).contains("GLN check digit should be 5");
        assertThat(Gln.problem("061414100000")).contains("GLN must be 13 digits");
    }
}
