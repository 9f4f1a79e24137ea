package org.hanse.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuyerRatingTest {

    static final Instant DUE = Instant.parse("2026-04-30T12:00:00Z");

    @Test
    void onTimeInFullIsPerfect() {
        Dimensions d = BuyerRating.rate(List.of(new BuyerRating.Paid(new BigDecimal("500.00"), DUE.minus(Duration.ofDays(2)))), DUE,
                Duration.ofDays(30), new BigDecimal("500.00"));
        assertThat(d).isEqualTo(new Dimensions(1, 1, 1));
    }

    @Test
    void lateMoneyIsWeightedByAmount() {
        // 300 on time, 200 ten days late: lateness = 200 · 10 d / 500 = 4 d; over 30 d of credit q_p = 1 − 4/30 = 0.866667.
        List<BuyerRating.Paid> paid = List.of(new BuyerRating.Paid(new BigDecimal("300"), DUE),
                new BuyerRating.Paid(new BigDecimal("200"), DUE.plus(Duration.ofDays(10))));
        assertThat(BuyerRating.lateness(paid, DUE)).isEqualTo(Duration.ofDays(4));
        Dimensions d = BuyerRating.rate(paid, DUE, Duration.ofDays(30), new BigDecimal("500"));
        assertThat(d.punctuality()).isCloseTo(0.866667, within(1e-6));
        assertThat(d.qualified()).isEqualTo(1);
    }

    @Test
    void shortPaymentLowersCompletenessAndAZeroCreditPeriodCountsAsADay() {
        // 400 of 500, twelve hours late against the one-day floor: q_p = 0.5, completeness 0.8.
        Dimensions d = BuyerRating.rate(List.of(new BuyerRating.Paid(new BigDecimal("400"), DUE.plus(Duration.ofHours(12)))), DUE,
                Duration.ZERO, new BigDecimal("500"));
        assertThat(d.punctuality()).isEqualTo(0.5);
        assertThat(d.qualified()).isEqualTo(0.8);
        assertThat(d.information()).isEqualTo(1);
    }

    @Test
    void anInstalmentShortForItsWholeCreditPeriodIsRatedWithTheRestAsPaidNow() {
        // 500 due, 100 paid on time, 400 unpaid 30 days after the due date (30 days of credit): the rest counts 30 days
        // late, lateness = 400 · 30 d / 500 = 24 d, q_p = 1 − 24/30 = 0.2; completeness 100/500 = 0.2.
        Instant now = DUE.plus(Duration.ofDays(30));
        assertThat(BuyerRating.longOverdue(DUE, Duration.ofDays(30), now.minusSeconds(1))).isFalse();
        assertThat(BuyerRating.longOverdue(DUE, Duration.ofDays(30), now)).isTrue();
        Dimensions d = BuyerRating.rateOverdue(List.of(new BuyerRating.Paid(new BigDecimal("100"), DUE)), DUE, Duration.ofDays(30),
                new BigDecimal("500"), now);
        assertThat(d.punctuality()).isCloseTo(0.2, within(1e-9));
        assertThat(d.qualified()).isCloseTo(0.2, within(1e-9));
        // Nothing paid at all: q_p = 0, q_q = 0.
        assertThat(BuyerRating.rateOverdue(List.of(), DUE, Duration.ofDays(30), new BigDecimal("500"), now)).isEqualTo(new Dimensions(0, 0, 1));
    }
}
