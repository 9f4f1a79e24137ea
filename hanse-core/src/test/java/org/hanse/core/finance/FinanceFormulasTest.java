package org.hanse.core.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hanse.core.payment.Money;
import org.junit.jupiter.api.Test;

class FinanceFormulasTest {

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void bankDiscountMatchesThePublishedExamples() {
        // 10,000 × 0.06 × 90 / 360 = 150.00; proceeds 9,850.00.
        BankDiscount first = BankDiscount.of(eur("10000"), new BigDecimal("0.06"), 90);
        assertThat(first.discount()).isEqualTo(eur("150.00"));
        assertThat(first.proceeds()).isEqualTo(eur("9850.00"));
        // 9,700 × 0.095 × 135 / 360 = 345.5625 → 345.56; proceeds 9,354.44.
        BankDiscount second = BankDiscount.of(eur("9700"), new BigDecimal("0.095"), 135);
        assertThat(second.discount()).isEqualTo(eur("345.56"));
        assertThat(second.proceeds()).isEqualTo(eur("9354.44"));
        assertThatThrownBy(() -> BankDiscount.of(eur("100"), new BigDecimal("1.5"), 90)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BankDiscount.of(eur("100"), new BigDecimal("0.06"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BankDiscount.of(eur("-1"), new BigDecimal("0.06"), 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receivablesAdvanceAndRebateAtCollection() {
        // Invoice 10,000, 80 % eligible-advance: 8,000.00 now; discount 150.00 (6 %, 90 days), fees 25.00:
        // rebate = 10,000 − 8,000 − 150 − 25 = 1,825.00.
        Money advance = Receivables.advance(eur("10000"), new BigDecimal("0.80"));
        assertThat(advance).isEqualTo(eur("8000.00"));
        Money discount = BankDiscount.of(eur("10000"), new BigDecimal("0.06"), 90).discount();
        assertThat(Receivables.rebate(eur("10000"), advance, discount, eur("25"))).isEqualTo(eur("1825.00"));
        // 9,700 at 85 %: 8,245.00; rebate 9,700 − 8,245 − 345.56 − 0 = 1,109.44.
        assertThat(Receivables.rebate(eur("9700"), Receivables.advance(eur("9700"), new BigDecimal("0.85")), eur("345.56"), eur("0")))
                .isEqualTo(eur("1109.44"));
        assertThatThrownBy(() -> Receivables.rebate(eur("100"), eur("90"), eur("8"), eur("3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short by 1.00");
        assertThatThrownBy(() -> Receivables.advance(eur("100"), new BigDecimal("1.01"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pledgeLendingValueWithHaircutAndMarginCall() {
        // (120,000 + 270,000) × 0.75125 = 292,987.50; haircut 24.875 %.
        BigDecimal rate = new BigDecimal("0.75125");
        Money lendingValue = Pledge.lendingValue(List.of(eur("120000"), eur("270000")), rate);
        assertThat(lendingValue).isEqualTo(eur("292987.50"));
        assertThat(Pledge.haircut(rate)).isEqualByComparingTo("0.24875");
        // Fully drawn: cover = 292,987.50 / 0.75125 = 390,000.00; the stock worth 390,000 holds, 350,000 is 40,000 short.
        Pledge.MarginCheck held = Pledge.marginCheck(eur("390000"), lendingValue, rate);
        assertThat(held.requiredCover()).isEqualTo(eur("390000.00"));
        assertThat(held.marginCall()).isFalse();
        Pledge.MarginCheck fallen = Pledge.marginCheck(eur("350000"), lendingValue, rate);
        assertThat(fallen.marginCall()).isTrue();
        assertThat(fallen.shortfall()).isEqualTo(eur("40000.00"));
        // 200,000 / 0.75125 = 266,222.9617… → cover rounded up to 266,222.97: a cent below is a call.
        assertThat(Pledge.marginCheck(eur("266222.96"), eur("200000"), rate).shortfall()).isEqualTo(eur("0.01"));
        assertThat(Pledge.marginCheck(eur("266222.97"), eur("200000"), rate).marginCall()).isFalse();
        assertThatThrownBy(() -> Pledge.lendingValue(List.of(eur("1"), Money.of("1", "USD")), rate)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prepaymentReleasesNoMoreThanMarginPlusPrincipalRepaid() {
        // Margin 3,000, repaid 5,000: 8,000 releasable; 6,000 released leaves 2,000; 2,000.01 more is refused.
        assertThat(Prepayment.releasable(eur("3000"), eur("5000"), eur("0"))).isEqualTo(eur("8000.00"));
        Money released = Prepayment.release(eur("3000"), eur("5000"), eur("0"), eur("6000"));
        assertThat(released).isEqualTo(eur("6000.00"));
        assertThat(Prepayment.releasable(eur("3000"), eur("5000"), released)).isEqualTo(eur("2000.00"));
        assertThatThrownBy(() -> Prepayment.release(eur("3000"), eur("5000"), eur("6000"), eur("2000.01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000.00");
        assertThat(Prepayment.release(eur("3000"), eur("5000"), eur("6000"), eur("2000"))).isEqualTo(eur("8000.00"));
    }

    @Test
    void annuityScheduleMatchesThePublishedVector() {
        List<Annuity.Instalment> schedule = Annuity.schedule(eur("100"), new BigDecimal("0.094822"), 6, LocalDate.of(2024, 1, 1));
        assertThat(schedule).extracting(i -> i.amount().plain()).containsOnly("17.13");
        assertThat(schedule).extracting(i -> i.interest().plain()).containsExactly("0.79", "0.66", "0.53", "0.40", "0.27", "0.13");
        assertThat(schedule).extracting(i -> i.principal().plain()).containsExactly("16.34", "16.47", "16.60", "16.73", "16.86", "17.00");
        assertThat(schedule).extracting(Annuity.Instalment::due).containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1));
        assertThat(schedule.get(5).balance()).isEqualTo(eur("0"));
        assertThat(Annuity.days360(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 31))).isEqualTo(60);
        assertThat(Annuity.schedule(eur("100"), BigDecimal.ZERO, 3, LocalDate.of(2024, 1, 1))).extracting(i -> i.amount().plain())
                .containsExactly("33.33", "33.33", "33.34");
        assertThatThrownBy(() -> Annuity.schedule(eur("100"), new BigDecimal("0.05"), 0, LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void effectiveAnnualCostOfAnOffer() {
        // Receive 9,850, repay 10,000 in 90 days: simple 150/9,850 × 365/90 = 0.0617597… → 0.061760;
        // effective (10,000/9,850)^(365/90) − 1 = 0.0632117… → 0.063212.
        OfferCost plain = OfferCost.ofDiscount(BankDiscount.of(eur("10000"), new BigDecimal("0.06"), 90), eur("0"));
        assertThat(plain.simpleAnnual()).isEqualByComparingTo("0.061760");
        assertThat(plain.effectiveAnnual()).isEqualByComparingTo("0.063212");
        // With 50.00 fees on the 9,700 bill: receive 9,304.44, repay 9,700 in 135 days: simple 0.1149427… → 0.114943,
        // effective (9,700/9,304.44)^(365/135) − 1 = 0.1191467… → 0.119147.
        OfferCost withFees = OfferCost.ofDiscount(BankDiscount.of(eur("9700"), new BigDecimal("0.095"), 135), eur("50"));
        assertThat(withFees.simpleAnnual()).isEqualByComparingTo("0.114943");
        assertThat(withFees.effectiveAnnual()).isEqualByComparingTo("0.119147");
        assertThatThrownBy(() -> OfferCost.of(eur("0"), eur("1"), 30)).isInstanceOf(IllegalArgumentException.class);
    }
}
