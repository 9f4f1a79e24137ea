package org.hanse.app.pricing;

import java.time.LocalDate;
import java.util.List;

/** A supplier's price list as answered: amounts as strings at the currency's minor unit ("389.00"). */
record PriceListView(String supplier, List<Entry> prices) {

    /** One price; {@code buyer} null for every buyer. */
    record Entry(String material, String buyer, String unitPrice, String currency, LocalDate validFrom) {
    }
}
