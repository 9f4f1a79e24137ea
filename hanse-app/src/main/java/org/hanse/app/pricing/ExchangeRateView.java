package org.hanse.app.pricing;

import java.time.LocalDate;
import java.util.List;

/** The network's reference currency and exchange rates as answered (rates as plain decimal strings). */
record ExchangeRateView(String reference, List<Rate> rates) {

    /** One rate. */
    record Rate(String currency, LocalDate validFrom, String rate) {
    }
}
