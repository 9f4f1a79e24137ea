package org.hanse.app.pricing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.hanse.core.payment.Prices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code price_list} table (buyer '' stands for every buyer). */
@Repository
class PriceListRepository {

    private final JdbcClient jdbc;

    PriceListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(String supplier, List<Prices.Entry> entries, Instant now) {
        jdbc.sql("DELETE FROM price_list WHERE supplier_id = ?").param(supplier).update();
        for (Prices.Entry e : entries) {
            jdbc.sql("""
                    INSERT INTO price_list (supplier_id, material, buyer_id, valid_from, unit_price, currency, set_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(supplier, e.material(), e.buyer() == null ? "" : e.buyer(), java.sql.Date.valueOf(e.validFrom()),
                            e.price().unitPrice(), e.price().currency().getCurrencyCode(), Timestamp.from(now))
                    .update();
        }
    }

    /** The supplier's list, or only the entries of one material. */
    List<Prices.Entry> entries(String supplier, String material) {
        String where = material == null ? "" : " AND material = ?";
        var spec = jdbc.sql("SELECT material, buyer_id, valid_from, unit_price, currency FROM price_list WHERE supplier_id = ?" + where
                + " ORDER BY material, buyer_id, valid_from");
        spec = material == null ? spec.param(supplier) : spec.params(supplier, material);
        return spec.query((rs, n) -> new Prices.Entry(rs.getString(1), rs.getString(2).isEmpty() ? null : rs.getString(2),
                rs.getDate(3).toLocalDate(), new Prices.Price(rs.getBigDecimal(4), Currency.getInstance(rs.getString(5))))).list();
    }
}
