package org.hanse.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

    static final Instant SHIPPED = Instant.parse("2026-12-01T08:00:00Z");
    static final Instant DELIVERED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void moneyIsRoundedToTheCurrencysMinorUnit() {
        assertThat(Money.of("10.005", "EUR").amount()).isEqualByComparingTo("10.00");
        assertThat(Money.of("10.015", "EUR").amount()).isEqualByComparingTo("10.02");
        assertThat(Money.of("1000.5", "JPY").amount()).isEqualByComparingTo("1000");
        assertThat(Money.of("1.2345", "KWD").amount()).isEqualByComparingTo("1.234");
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD"))).hasMessage("currency mismatch: EUR and USD");
    }

    @Test
    void milestoneTermsSplit30_30_40WithTheRemainderOnTheLast() {
        List<PaymentTerms.Due> dues = PaymentTerms.MilestoneShares.DEFAULT.due(Money.of("1000.01", "EUR"),
                Map.of(Milestone.SHIPPED, SHIPPED, Milestone.DELIVERED, DELIVERED));
        assertThat(dues).extracting(PaymentTerms.Due::trigger).containsExactly("SHIPPED", "DELIVERED", "ACCEPTED");
        assertThat(dues).extracting(d -> d.amount().amount()).containsExactly(
                new BigDecimal("300.00"), new BigDecimal("300.00"), new BigDecimal("400.01"));
        assertThat(dues.get(1).dueAt()).isEqualTo(DELIVERED);
        assertThat(dues.get(2).dueAt()).isNull();
        assertThat(PaymentTerms.MilestoneShares.DEFAULT.due(Money.of("1000", "JPY"), Map.of()))
                .extracting(d -> d.amount().amount().intValueExact()).containsExactly(300, 300, 400);
        // KWD has three decimals: 30 % of 10.001 = 3.0003 → 3.000 (twice), the rest 4.001.
        assertThat(PaymentTerms.MilestoneShares.DEFAULT.due(Money.of("10.001", "KWD"), Map.of()))
                .extracting(d -> d.amount().amount()).containsExactly(new BigDecimal("3.000"), new BigDecimal("3.000"), new BigDecimal("4.001"));
        // JPY 1001 at 30/30/40: 300.3 → 300, 300, and the remainder 401.
        assertThat(PaymentTerms.MilestoneShares.DEFAULT.due(Money.of("1001", "JPY"), Map.of()))
                .extracting(d -> d.amount().amount().intValueExact()).containsExactly(300, 300, 401);
        assertThatThrownBy(() -> new PaymentTerms.MilestoneShares(Map.of(Milestone.SHIPPED, new BigDecimal("50"))))
                .hasMessageContaining("sum to 100");
    }

    @Test
    void netAndAdvanceTerms() {
        assertThat(new PaymentTerms.Net(30).due(Money.of("500", "EUR"), Map.of(Milestone.DELIVERED, DELIVERED)).get(0).dueAt())
                .isEqualTo(DELIVERED.plus(Duration.ofDays(30)));
        // 20 % of 1234.56 = 246.912 → 246.91; the rest 987.65 at delivery.
        List<PaymentTerms.Due> advance = new PaymentTerms.Advance(new BigDecimal("20")).due(Money.of("1234.56", "EUR"), Map.of());
        assertThat(advance).extracting(d -> d.amount().amount()).containsExactly(new BigDecimal("246.91"), new BigDecimal("987.65"));
    }

    @Test
    void milestonesAreOrderedAndRepeatsChangeNothing() {
        assertThat(Milestone.step(null, Milestone.SHIPPED, false)).isEqualTo(Milestone.Step.APPLY);
        assertThat(Milestone.step(null, Milestone.DELIVERED, false)).isEqualTo(Milestone.Step.OUT_OF_ORDER);
        assertThat(Milestone.step(Milestone.SHIPPED, Milestone.IN_TRANSIT, true)).isEqualTo(Milestone.Step.APPLY);
        assertThat(Milestone.step(Milestone.IN_TRANSIT, Milestone.IN_TRANSIT, true)).isEqualTo(Milestone.Step.APPLY);
        assertThat(Milestone.step(Milestone.IN_TRANSIT, Milestone.IN_TRANSIT, false)).isEqualTo(Milestone.Step.DUPLICATE);
        assertThat(Milestone.step(Milestone.SHIPPED, Milestone.DELIVERED, false)).isEqualTo(Milestone.Step.APPLY);
        assertThat(Milestone.step(Milestone.SHIPPED, Milestone.ACCEPTED, false)).isEqualTo(Milestone.Step.OUT_OF_ORDER);
        assertThat(Milestone.step(Milestone.DELIVERED, Milestone.SHIPPED, false)).isEqualTo(Milestone.Step.DUPLICATE);
        assertThat(Milestone.step(Milestone.DELIVERED, Milestone.ACCEPTED, false)).isEqualTo(Milestone.Step.APPLY);
        assertThat(Milestone.step(Milestone.ACCEPTED, Milestone.ACCEPTED, false)).isEqualTo(Milestone.Step.DUPLICATE);
    }

    @Test
    void synchronisationDeviationIsAmountWeighted() {
        // 300 paid 2 days after arrival, 700 paid 1 day before: (300 · 2 − 700 · 1) / 1000 = −0.1 days.
        assertThat(Synchronisation.deviationDays(List.of(
                new Synchronisation.Payment(new BigDecimal("300"), DELIVERED.plus(Duration.ofDays(2)), DELIVERED),
                new Synchronisation.Payment(new BigDecimal("700"), DELIVERED.minus(Duration.ofDays(1)), DELIVERED))))
                .isCloseTo(-0.1, within(1e-12));
    }

    @Test
    void creditRecordCountsPaymentsWithinTwoDaysOfGraceOverHalfAYear() {
        Instant now = Instant.parse("2026-12-31T00:00:00Z");
        Instant due = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(Synchronisation.creditRecord(List.of(
                new Synchronisation.Settlement(due, due.plus(Duration.ofDays(1))),
                new Synchronisation.Settlement(due, due.plus(Duration.ofDays(2))),
                new Synchronisation.Settlement(due, due.plus(Duration.ofDays(2)).plusSeconds(1)),
                new Synchronisation.Settlement(due.minus(Duration.ofDays(200)), due.minus(Duration.ofDays(190)))), now))
                .isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Synchronisation.creditRecord(List.of(), now)).isEqualTo(1);
    }

    @Test
    void deviationAndCreditRecordOverArraysReadOnlyTheGivenRange() {
        long now = Instant.parse("2026-12-31T00:00:00Z").getEpochSecond();
        long due = Instant.parse("2026-12-01T00:00:00Z").getEpochSecond();
        long day = 86_400;
        // 300 paid 2 days after arrival and 700 a day before: (600 − 700) / 1000 = −0.1 days; entry 0 is outside the range.
        double[] amount = {5_000, 300, 700};
        long[] arrived = {due, due, due};
        long[] paid = {due + 90 * day, due + 2 * day, due - day};
        assertThat(Synchronisation.deviationDays(amount, paid, arrived, 1, 3)).isCloseTo(-0.1, within(1e-12));
        assertThat(Synchronisation.deviationDays(amount, paid, arrived, 1, 1)).isZero();
        // Paid a day, two days and two days and a second after due, and one long ago: 2 of the 3 within the window on time.
        long[] dues = {0, due, due, due, due - 200 * day};
        long[] paidAt = {0, due + day, due + 2 * day, due + 2 * day + 1, due - 190 * day};
        assertThat(Synchronisation.creditRecord(dues, paidAt, 1, 5, now)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Synchronisation.creditRecord(dues, paidAt, 4, 5, now)).isEqualTo(1);
    }

    @Test
    void termsListTheirShares() {
        assertThat(PaymentTerms.MilestoneShares.DEFAULT.shares()).containsExactly(
                new PaymentTerms.Share("SHIPPED", Milestone.SHIPPED, Duration.ZERO, new BigDecimal("30")),
                new PaymentTerms.Share("DELIVERED", Milestone.DELIVERED, Duration.ZERO, new BigDecimal("30")),
                new PaymentTerms.Share("ACCEPTED", Milestone.ACCEPTED, Duration.ZERO, new BigDecimal("40")));
        assertThat(new PaymentTerms.Net(30).shares()).containsExactly(
                new PaymentTerms.Share("NET_30", Milestone.DELIVERED, Duration.ofDays(30), new BigDecimal("100")));
        assertThat(new PaymentTerms.Advance(new BigDecimal("20")).shares()).containsExactly(
                new PaymentTerms.Share("ADVANCE", Milestone.SHIPPED, Duration.ZERO, new BigDecimal("20")),
                new PaymentTerms.Share("DELIVERED", Milestone.DELIVERED, Duration.ZERO, new BigDecimal("80")));
    }

    @Test
    void correctionPathFromTheTurnoverRatio() {
        assertThat(Synchronisation.correction(8.9, 10)).isEqualTo(Synchronisation.Correction.PAYMENT_REALIGNMENT);
        assertThat(Synchronisation.correction(9, 10)).isEqualTo(Synchronisation.Correction.COMBINED);
        assertThat(Synchronisation.correction(10, 10)).isEqualTo(Synchronisation.Correction.COMBINED);
        assertThat(Synchronisation.correction(11, 10)).isEqualTo(Synchronisation.Correction.COMBINED);
        assertThat(Synchronisation.correction(11.1, 10)).isEqualTo(Synchronisation.Correction.LOGISTICS_RHYTHM);
    }

    @Test
    void turnoversDerivedFromInventoryDaysAndPaymentDelay() {
        // 20 days of inventory, paid 5 days after arrival: capital tied 15 days → 365/15 = 24.333 turns, inventory 365/20 = 18.25, ρ_t = 4/3.
        Synchronisation.Turnover late = Synchronisation.derivedTurnover(20, 5);
        assertThat(late.capital()).isCloseTo(24.3333, within(1e-4));
        assertThat(late.inventory()).isCloseTo(18.25, within(1e-12));
        assertThat(late.ratio()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(Synchronisation.correction(late.capital(), late.inventory())).isEqualTo(Synchronisation.Correction.LOGISTICS_RHYTHM);
        // Paid 5 days before arrival: capital tied 25 days → 14.6 turns, ρ_t = 0.8 → realign payments.
        Synchronisation.Turnover early = Synchronisation.derivedTurnover(20, -5);
        assertThat(early.ratio()).isCloseTo(0.8, within(1e-12));
        assertThat(Synchronisation.correction(early.capital(), early.inventory())).isEqualTo(Synchronisation.Correction.PAYMENT_REALIGNMENT);
        // Paid on arrival: ρ_t = 1 → both. Paid 30 days after arrival of 20 days' stock: capital never tied, one day floor → 365 turns.
        assertThat(Synchronisation.derivedTurnover(20, 0).ratio()).isCloseTo(1, within(1e-12));
        assertThat(Synchronisation.derivedTurnover(20, 30).capital()).isCloseTo(365, within(1e-12));
    }

    @Test
    void logisticsRhythmStretchesIntervalsAndShrinksBatchesForWeakCredit() {
        // c = 0.8: 7 d × 1.2 = 8.4 d; batch 100 × 0.8 = 80.
        Synchronisation.Rhythm good = Synchronisation.rhythm(Duration.ofDays(7), 100, 0.8);
        assertThat(good.interval()).isEqualTo(Duration.ofHours(201).plusMinutes(36));
        assertThat(good.batch()).isCloseTo(80, within(1e-9));
        assertThat(good.advanceRequired()).isFalse();
        // c = 0.4: 7 d × 1.6 = 11.2 d; batch × max(0.5, 0.4) = 50; advance required.
        Synchronisation.Rhythm weak = Synchronisation.rhythm(Duration.ofDays(7), 100, 0.4);
        assertThat(weak.interval()).isEqualTo(Duration.ofHours(268).plusMinutes(48));
        assertThat(weak.batch()).isCloseTo(50, within(1e-9));
        assertThat(weak.advanceRequired()).isTrue();
    }
}
