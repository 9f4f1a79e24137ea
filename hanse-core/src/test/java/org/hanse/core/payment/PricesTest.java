package org.hanse.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PricesTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Prices.Price P389 = new Prices.Price(new BigDecimal("389.00"), EUR);

    @Test
    void theLinksPriceWinsOverTheGeneralOneFromItsDateOn() {
        List<Prices.Entry> list = List.of(
                new Prices.Entry("m", null, LocalDate.parse("2026-01-01"), new Prices.Price(new BigDecimal("400"), EUR)),
                new Prices.Entry("m", null, LocalDate.parse("2026-11-01"), new Prices.Price(new BigDecimal("410"), EUR)),
                new Prices.Entry("m", "b1", LocalDate.parse("2026-06-01"), P389));
        assertThat(Prices.listed(list, "b1", "m", LocalDate.parse("2026-12-01"))).contains(P389);
        assertThat(Prices.listed(list, "b1", "m", LocalDate.parse("2026-05-31")).orElseThrow().unitPrice()).isEqualByComparingTo("400");
        assertThat(Prices.listed(list, "b2", "m", LocalDate.parse("2026-12-01")).orElseThrow().unitPrice()).isEqualByComparingTo("410");
        assertThat(Prices.listed(list, "b2", "other", LocalDate.parse("2026-12-01"))).isEmpty();
        assertThat(Prices.listed(list, "b2", "m", LocalDate.parse("2025-12-31"))).isEmpty();
    }

    @Test
    void aStatedPriceIsConfirmedByTheListOrFlagged() {
        Optional<Prices.Price> listed = Optional.of(P389);
        assertThat(Prices.resolve(listed, Optional.empty())).isEqualTo(new Prices.Resolved(P389, Prices.Status.LISTED));
        Prices.Price stated = new Prices.Price(new BigDecimal("389"), EUR);
        assertThat(Prices.resolve(listed, Optional.of(stated)).status()).isEqualTo(Prices.Status.CONFIRMED);
        Prices.Price lower = new Prices.Price(new BigDecimal("380"), EUR);
        assertThat(Prices.resolve(listed, Optional.of(lower))).isEqualTo(new Prices.Resolved(lower, Prices.Status.TO_CONFIRM));
        assertThat(Prices.resolve(Optional.empty(), Optional.of(lower)).status()).isEqualTo(Prices.Status.TO_CONFIRM);
        assertThat(Prices.resolve(Optional.empty(), Optional.empty())).isEqualTo(new Prices.Resolved(null, Prices.Status.NONE));
    }

    @Test
    void anOrdersValueIsKnownOnlyWhenEveryLineIsPricedInOneCurrency() {
        // 20 × 389.00 + 2.5 × 4.13 (10.325 → 10.32) = 7,790.32 EUR.
        Prices.Price p413 = new Prices.Price(new BigDecimal("4.13"), EUR);
        assertThat(Prices.value(List.of(new Prices.Priced(P389, new BigDecimal("20")), new Prices.Priced(p413, new BigDecimal("2.5")))))
                .contains(Money.of("7790.32", "EUR"));
        assertThat(Prices.value(List.of(new Prices.Priced(P389, BigDecimal.ONE), new Prices.Priced(null, BigDecimal.ONE)))).isEmpty();
        assertThat(Prices.value(List.of(new Prices.Priced(P389, BigDecimal.ONE),
                new Prices.Priced(new Prices.Price(BigDecimal.ONE, Currency.getInstance("USD")), BigDecimal.ONE)))).isEmpty();
    }
}
