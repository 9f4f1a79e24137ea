package org.hanse.app.pricing;

import java.time.LocalDate;
import java.util.Optional;
import org.hanse.core.payment.Prices;

/** What ordering asks of price lists: the supplier's price of a material for a buyer on a date (the link's price first). */
public interface PriceBook {

    Optional<Prices.Price> listed(String supplier, String buyer, String material, LocalDate on);
}
