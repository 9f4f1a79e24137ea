package org.hanse.app.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hanse.app.web.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The exception protocol's holds as other modules see them (RULES 3.6): an open hold on an order's material blocks the
 * release of that quantity until the holder's zone recovers (the hold is released) or the hold expires.
 */
@Service
public class HoldBook {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration expiry;

    HoldBook(JdbcClient jdbc, Clock clock, @Value("${hanse.buffers.hold-expiry:P14D}") Duration expiry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** An open hold: who holds which order's material, why, and until when at the latest. */
    public record ActiveHold(String id, String holder, String order, String material, String direction, String reason, Instant since,
                             Instant expiresAt) {
        String describe() {
            String kind = direction.equals("OUTBOUND") ? "the supplier's own buffer" : "the buyer's buffer";
            return "hold " + id + " by " + holder + " (" + kind + " " + reason + ", since " + since + ", expires " + expiresAt
                    + ") blocks shipping " + material + " on order " + order;
        }
    }

    /** Open, unexpired holds on these materials of the order, oldest first. */
    public List<ActiveHold> active(String order, Collection<String> materials) {
        if (materials.isEmpty()) {
            return List.of();
        }
        // A hold that outlived its expiry no longer binds: a holder whose zone never recovers must not stop trade for good.
        Instant oldest = clock.instant().minus(expiry);
        String marks = String.join(", ", materials.stream().map(m -> "?").toList());
        List<Object> args = new ArrayList<>(List.of(order, Timestamp.from(oldest)));
        args.addAll(materials);
        return jdbc.sql("SELECT * FROM stock_hold WHERE order_id = ? AND released_at IS NULL AND created_at > ? AND material IN (" + marks
                        + ") ORDER BY created_at, id")
                .params(args)
                .query((rs, n) -> new ActiveHold(rs.getString("id"), rs.getString("node_id"), order, rs.getString("material"),
                        rs.getString("direction"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant().plus(expiry)))
                .list();
    }

    /** Open, unexpired holds the node placed on a material (on any order), oldest first: stock it keeps back. */
    public List<ActiveHold> heldBy(String node, String material) {
        Instant oldest = clock.instant().minus(expiry);
        return jdbc.sql("SELECT * FROM stock_hold WHERE node_id = ? AND material = ? AND released_at IS NULL AND created_at > ? ORDER BY created_at, id")
                .params(node, material, Timestamp.from(oldest))
                .query((rs, n) -> new ActiveHold(rs.getString("id"), node, rs.getString("order_id"), material, rs.getString("direction"),
                        rs.getString("reason"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("created_at").toInstant().plus(expiry)))
                .list();
    }

    /** Refuses (409 naming the hold) to release any of these materials of the order while a hold on them is open. */
    public void requireUnheld(String order, Collection<String> materials) {
        List<ActiveHold> holds = active(order, materials);
        if (!holds.isEmpty()) {
            throw new ConflictException(holds.get(0).describe());
        }
    }
}
