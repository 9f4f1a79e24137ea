package org.hanse.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.hanse.core.relation.Density;
import org.junit.jupiter.api.Test;

class InvoicingTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");

    @Test
    void aUnitIsInvoicedOnItsAcceptedQuantityAndTheRejectedQuantityIsCredited() {
        // 20 × 389.00 EUR delivered, 19 accepted, 1 rejected: invoice 19 × 389 = 7,391.00, credit note 389.00.
        Invoicing.Bill bill = Invoicing.bill(new BigDecimal("19"), BigDecimal.ONE, new BigDecimal("389.00"), EUR);
        assertThat(bill.invoice()).isEqualTo(Money.of("7391.00", "EUR"));
        assertThat(bill.creditNote()).isEqualTo(Money.of("389.00", "EUR"));
        assertThat(bill.gross()).isEqualTo(Money.of("7780.00", "EUR"));
        assertThat(bill.credits()).isTrue();
        assertThat(bill.invoice().plain()).isEqualTo("7391.00");
        assertThat(bill.invoice().display()).isEqualTo("7,391.00 EUR");
        assertThat(Invoicing.bill(new BigDecimal("20"), BigDecimal.ZERO, new BigDecimal("389"), EUR).credits()).isFalse();
        // 2.5 m at 4.13 EUR = 10.325 → rounded once, half-even, to 10.32.
        assertThat(Invoicing.bill(new BigDecimal("2.5"), BigDecimal.ZERO, new BigDecimal("4.13"), EUR).invoice().plain()).isEqualTo("10.32");
        assertThatThrownBy(() -> Invoicing.bill(new BigDecimal("-1"), BigDecimal.ZERO, BigDecimal.TEN, EUR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instalmentsOfTheInvoiceSumExactly() {
        // 30/30/40 of 7,391.00: 2,217.30 + 2,217.30 + 2,956.40 = 7,391.00.
        List<PaymentTerms.Due> dues = PaymentTerms.MilestoneShares.DEFAULT.due(Money.of("7391.00", "EUR"), Map.of());
        assertThat(dues).extracting(d -> d.amount().display()).containsExactly("2,217.30 EUR", "2,217.30 EUR", "2,956.40 EUR");
        assertThat(dues.stream().map(PaymentTerms.Due::amount).reduce(Money.zero(EUR), Money::plus)).isEqualTo(Money.of("7391.00", "EUR"));
    }

    @Test
    void amountsAreShownAndCheckedAtTheCurrencysMinorUnit() {
        assertThat(Money.of("1234567.5", "EUR").display()).isEqualTo("1,234,567.50 EUR");
        assertThat(Money.of("1000", "JPY").display()).isEqualTo("1,000 JPY");
        assertThat(Money.of("1.5", "KWD").plain()).isEqualTo("1.500");
        assertThat(Money.exactInMinorUnits(new BigDecimal("389.10"), EUR)).isTrue();
        assertThat(Money.exactInMinorUnits(new BigDecimal("389.1000"), EUR)).isTrue();
        assertThat(Money.exactInMinorUnits(new BigDecimal("389.105"), EUR)).isFalse();
        assertThat(Money.exactInMinorUnits(new BigDecimal("1.5"), Currency.getInstance("JPY"))).isFalse();
    }

    @Test
    void anInstalmentIsOverdueOnlyAfterItsGrace() {
        Instant due = Instant.parse("2026-12-01T00:00:00Z");
        Duration grace = Duration.ofDays(2);
        assertThat(Invoicing.overdue(due, due, grace)).isFalse();
        assertThat(Invoicing.overdue(due, due.plus(grace), grace)).isFalse();
        assertThat(Invoicing.overdue(due, due.plus(grace).plusSeconds(1), grace)).isTrue();
        assertThat(Invoicing.overdue(null, due, grace)).as("not yet due").isFalse();
    }

    @Test
    void creditRecordCountsUnpaidInstalmentsPastTheirGraceAsLate() {
        Instant now = Instant.parse("2026-12-31T00:00:00Z");
        Instant due = Instant.parse("2026-12-01T00:00:00Z");
        List<Synchronisation.Settlement> s = List.of(
                new Synchronisation.Settlement(due, due.plus(Duration.ofDays(1))),      // paid on time
                new Synchronisation.Settlement(due, null),                              // unpaid 30 days: late
                new Synchronisation.Settlement(now.minus(Duration.ofDays(1)), null),    // unpaid, still in its grace: not counted
                new Synchronisation.Settlement(now.plus(Duration.ofDays(5)), null));    // not yet due: not counted
        assertThat(Synchronisation.creditRecord(s, now)).isCloseTo(0.5, within(1e-12));
        assertThat(Synchronisation.daysOutstanding(s.get(1), now)).isCloseTo(30, within(1e-12));
        assertThat(Synchronisation.daysOutstanding(s.get(0), now)).isCloseTo(1, within(1e-12));
        // With a grace of 0 the one paid a day after due is late too, and so is the one due yesterday: 0 of 3.
        assertThat(Synchronisation.creditRecord(s, now, new org.hanse.core.parameters.NetworkParameters.PaymentParameters(0, 180, 0.9, 1.1))).isZero();
        // A grace of 1 day: paid a day after due is on time again; due yesterday still within grace: 1 of 2.
        assertThat(Synchronisation.creditRecord(s, now, new org.hanse.core.parameters.NetworkParameters.PaymentParameters(1, 180, 0.9, 1.1))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aBuyerWhoNeverPaysDropsBelowTheRhythmThresholdWithinOneWindow() {
        // Weekly units on NET 14 to a buyer who paid the first three instalments on time and then stops paying.
        // Units delivered on days 0, 7, …, 63 → due on days 14, 21, …, 77. Looking at day 60: due days 14..56 are 7
        // instalments: 3 paid (days 14, 21, 28) + 4 unpaid and past due + 2 days (35, 42, 49, 56) → c = 3/7 = 0.4286;
        // the one due day 63 is not yet due. Under the old rule (only payments count) c stayed 1.0.
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        List<Synchronisation.Settlement> s = new ArrayList<>();
        for (int week = 0; week < 10; week++) {
            Instant dueAt = start.plus(Duration.ofDays(7L * week + 14));
            s.add(new Synchronisation.Settlement(dueAt, week < 3 ? dueAt : null));
        }
        Instant now = start.plus(Duration.ofDays(60));
        double c = Synchronisation.creditRecord(s, now);
        assertThat(c).isCloseTo(3.0 / 7, within(1e-12));
        Synchronisation.Rhythm rhythm = Synchronisation.rhythm(Duration.ofDays(7), 100, c);
        assertThat(rhythm.advanceRequired()).isTrue();
        // Interval 7 d × (1 + 4/7) = 11 d; batch 100 × max(0.5, 3/7) = 50.
        assertThat(rhythm.interval()).isEqualTo(Duration.ofDays(11));
        assertThat(rhythm.batch()).isCloseTo(50, within(1e-9));
        // Only paid instalments counted, this buyer's record would still read 1.0.
        assertThat(Synchronisation.creditRecord(s.subList(0, 3), now)).isEqualTo(1);
    }

    @Test
    void densityAddsOrderValuesInTheReferenceCurrency() {
        // 1,000 EUR + 500 USD at 0.92 = 1,460 EUR; a newer rate applies from its date on; GBP without a rate is left out.
        ExchangeRates rates = new ExchangeRates(EUR, List.of(
                new ExchangeRates.Rate(USD, LocalDate.parse("2026-11-01"), new BigDecimal("0.92")),
                new ExchangeRates.Rate(USD, LocalDate.parse("2026-12-01"), new BigDecimal("0.95"))));
        Density.Amount amount = Density.amount(List.of(
                new Density.Valued(Money.of("1000", "EUR"), LocalDate.parse("2026-11-20")),
                new Density.Valued(Money.of("500", "USD"), LocalDate.parse("2026-11-30"))), rates);
        assertThat(amount.total()).isEqualTo(Money.of("1460.00", "EUR"));
        assertThat(amount.unconverted()).isZero();
        assertThat(rates.convert(Money.of("500", "USD"), LocalDate.parse("2026-12-01"))).contains(Money.of("475.00", "EUR"));
        assertThat(rates.convert(Money.of("500", "USD"), LocalDate.parse("2026-10-31"))).isEmpty();
        Density.Amount partial = Density.amount(List.of(new Density.Valued(Money.of("10", "GBP"), LocalDate.parse("2026-11-30"))), rates);
        assertThat(partial.total()).isEqualTo(Money.zero(EUR));
        assertThat(partial.unconverted()).isEqualTo(1);
    }
}
