package org.hanse.app.pricing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.hanse.core.payment.ExchangeRates;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's exchange rates toward the reference currency ({@code hanse.money.reference-currency}): replaced as a
 * whole, each rate checked at its path (a known currency other than the reference, one rate per currency and date).
 */
@Service
class ExchangeRateService implements ExchangeRateBook {

    private final JdbcClient jdbc;
    private final MoneySettings settings;
    private final Clock clock;

    ExchangeRateService(JdbcClient jdbc, MoneySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    ExchangeRateView replace(ExchangeRateRequest request, Principal principal) {
        if (!principal.isOperator()) {
            throw new ForbiddenException("only the platform operator maintains exchange rates");
        }
        List<Problem> problems = new ArrayList<>();
        List<ExchangeRates.Rate> rates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.rates().size(); i++) {
            ExchangeRateRequest.Rate r = request.rates().get(i);
            String at = "rates[" + i + "]";
            Currency currency = PriceLists.currency(r.currency());
            if (currency == null || currency.equals(settings.reference())) {
                problems.add(new Problem(at + ".currency", "must be an ISO 4217 code other than the reference " + settings.referenceCurrency()));
            } else if (!seen.add(r.currency() + "|" + r.validFrom())) {
                problems.add(new Problem(at, "repeats the currency and valid-from date of an earlier rate"));
            } else {
                rates.add(new ExchangeRates.Rate(currency, r.validFrom(), r.rate()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("DELETE FROM exchange_rate").update();
        for (ExchangeRates.Rate r : rates) {
            jdbc.sql("INSERT INTO exchange_rate (currency, valid_from, rate, set_at) VALUES (?, ?, ?, ?)")
                    .params(r.currency().getCurrencyCode(), java.sql.Date.valueOf(r.validFrom()), r.rate(), Timestamp.from(clock.instant())).update();
        }
        return view();
    }

    ExchangeRateView view() {
        ExchangeRates rates = rates();
        return new ExchangeRateView(rates.reference().getCurrencyCode(), rates.rates().stream()
                .map(r -> new ExchangeRateView.Rate(r.currency().getCurrencyCode(), r.validFrom(), r.rate().stripTrailingZeros().toPlainString())).toList());
    }

    @Override
    public ExchangeRates rates() {
        return new ExchangeRates(settings.reference(), jdbc.sql("SELECT currency, valid_from, rate FROM exchange_rate ORDER BY currency, valid_from")
                .query((rs, n) -> new ExchangeRates.Rate(Currency.getInstance(rs.getString(1)), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)))
                .list());
    }
}
