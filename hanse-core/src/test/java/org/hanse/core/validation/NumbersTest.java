package org.hanse.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void acceptsValuesInsideTheRangeExactly() {
        List<Problem> problems = new ArrayList<>();
        assertThat(Numbers.read("q", "12.5", Numbers.QUANTITY, problems)).isEqualByComparingTo("12.5");
        assertThat(Numbers.read("q", 1_000_000_000L, Numbers.QUANTITY, problems)).isEqualByComparingTo("1e9");
        assertThat(Numbers.read("q", 0.000001, Numbers.QUANTITY, problems)).isEqualByComparingTo("0.000001");
        assertThat(Numbers.read("p", 0, Numbers.MONEY, problems)).isEqualByComparingTo("0");
        assertThat(Numbers.check("w", 0.5, Numbers.FRACTION, problems)).isEqualTo(0.5);
        assertThat(problems).isEmpty();
    }

    @Test
    void refusesNonFiniteOverflowingSubnormalAndAbsurdValuesNamingThePath() {
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, "NaN", "Infinity", "-Infinity",
                1e308, "99999999999999999999999999999999", 1e-320, "1e-320", Double.MIN_VALUE, 1_000_000_001L, -1, "abc", true)) {
            List<Problem> problems = new ArrayList<>();
            assertThat(Numbers.read("lines[0].quantity", bad, Numbers.QUANTITY, problems)).as("%s", bad).isNull();
            assertThat(problems).as("%s", bad).singleElement().extracting(Problem::path).isEqualTo("lines[0].quantity");
        }
    }

    @Test
    void aPositiveRangeSaysSoForZeroAndNegatives() {
        List<Problem> problems = new ArrayList<>();
        Numbers.read("q", "-3", Numbers.QUANTITY, problems);
        assertThat(problems).containsExactly(new Problem("q", "must be greater than 0"));
    }

    @Test
    void aZeroBasedRangeStillRefusesDust() {
        List<Problem> problems = new ArrayList<>();
        assertThat(Numbers.read("amount", "1e-10", Numbers.MONEY, problems)).isNull();
        assertThat(problems.get(0).message()).contains("at least 0.000000001");
    }

    @Test
    void requireThrowsWithThePath() {
        assertThat(Numbers.require("rate", 3.0, Numbers.RATE)).isEqualTo(3.0);
        assertThatThrownBy(() -> Numbers.require("rate", Double.NaN, Numbers.RATE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).path()).isEqualTo("rate"));
        assertThat(Numbers.exact(new BigDecimal("2.50"))).isEqualByComparingTo("2.5");
    }
}
