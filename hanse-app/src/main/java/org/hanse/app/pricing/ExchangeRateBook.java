package org.hanse.app.pricing;

import org.hanse.core.payment.ExchangeRates;

/** What other modules ask of the network's currencies: the reference currency and every exchange rate with its date. */
public interface ExchangeRateBook {

    ExchangeRates rates();
}
