package org.hanse.app.logistics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The supplier's shipment plan toward a buyer under the logistics rhythm: at most {@code batch} per shipment, shipments
 * at least {@code interval} apart, and an advance payment before shipping when the buyer's credit record is below 0.5.
 */
@Service
public class ShipmentPlanning {

    private final JdbcClient jdbc;

    ShipmentPlanning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A pair's rhythm. */
    public record Rhythm(Duration interval, double batch, boolean advanceRequired, double creditRecord) {
    }

    public void apply(String buyer, String supplier, Rhythm rhythm, Instant now) {
        jdbc.sql("DELETE FROM logistics_rhythm WHERE buyer_id = ? AND supplier_id = ?").params(buyer, supplier).update();
        jdbc.sql("INSERT INTO logistics_rhythm VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(buyer, supplier, rhythm.interval().toSeconds(), rhythm.batch(), rhythm.advanceRequired(), rhythm.creditRecord(),
                        Timestamp.from(now))
                .update();
    }

    public Optional<Rhythm> rhythm(String buyer, String supplier) {
        return jdbc.sql("SELECT * FROM logistics_rhythm WHERE buyer_id = ? AND supplier_id = ?").params(buyer, supplier)
                .query((rs, n) -> new Rhythm(Duration.ofSeconds(rs.getLong("interval_seconds")), rs.getDouble("batch"),
                        rs.getBoolean("advance_required"), rs.getDouble("credit_record")))
                .optional();
    }
}
