package org.hanse.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class PaymentTermsProperties {

    @Property
    void instalmentsAlwaysAddUpToTheUnitsAmount(@ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal amount,
                                                @ForAll @IntRange(min = 0, max = 100) int shipped,
                                                @ForAll @IntRange(min = 0, max = 100) int delivered,
                                                @ForAll @IntRange(min = 0, max = 3) int currencyPick) {
        int d = Math.min(delivered, 100 - shipped);
        PaymentTerms terms = new PaymentTerms.MilestoneShares(Map.of(Milestone.SHIPPED, BigDecimal.valueOf(shipped),
                Milestone.DELIVERED, BigDecimal.valueOf(d), Milestone.ACCEPTED, BigDecimal.valueOf(100 - shipped - d)));
        String currency = new String[] {"EUR", "JPY", "KWD", "CNY"}[currencyPick];
        Money total = new Money(amount, java.util.Currency.getInstance(currency));
        BigDecimal sum = terms.due(total, Map.of()).stream().map(x -> x.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(total.amount());
        assertThat(new PaymentTerms.Advance(BigDecimal.valueOf(shipped)).due(total, Map.of()).stream()
                .map(x -> x.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total.amount());
    }
}
