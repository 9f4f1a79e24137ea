package org.hanse.app.trust;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.hanse.core.trust.Dimensions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores rated interactions that are not deliveries: timed-out requests and instalments; a repeat of the same key changes nothing. */
@Repository
class Interactions {

    private final JdbcClient jdbc;

    Interactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One rated interaction; {@code key} and {@code line} identify it (the primary key of trust_interaction). */
    record Interaction(String kind, String key, int line, String truster, String trustee, String order, Instant at, Duration lateness,
                       Duration leadTime, Dimensions quality, int messages, int confirmed) {
    }

    /** Inserts the interaction once; returns whether it was new. */
    boolean insert(Interaction i) {
        return jdbc.sql("""
                INSERT INTO trust_interaction (shipment_id, line_no, truster_id, trustee_id, order_id, occurred_at, lateness_s, lead_time_s,
                                               punctuality, qualified, information, messages, confirmed, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(i.key(), i.line(), i.truster(), i.trustee(), i.order(), Timestamp.from(i.at()), Math.max(0, i.lateness().toSeconds()),
                        i.leadTime().toSeconds(), i.quality().punctuality(), i.quality().qualified(), i.quality().information(), i.messages(),
                        i.confirmed(), i.kind())
                .update() == 1;
    }
}
