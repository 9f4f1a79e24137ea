package org.hanse.app.continuity;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only overview of exits, their substitutes and the operator's alerts, for the operator's network map. */
@Component
public class ExitBoard {

    private final JdbcClient jdbc;

    ExitBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A node's exit (announced or detected) and its state. */
    public record Exit(String node, String kind, String status, Instant exitAt) {
    }

    /** A substitution that found a winner: {@code substitute} now supplies {@code buyer} in place of {@code original}. */
    public record Substitute(String original, String buyer, String substitute, String material) {
    }

    /** An alert raised for the platform operator (e.g. a substitution that failed). */
    public record Alert(String id, String kind, String message, String subject, Instant raisedAt) {
    }

    public List<Exit> exits() {
        return jdbc.sql("SELECT node_id, kind, status, exit_at FROM node_exit ORDER BY exit_at")
                .query((rs, n) -> new Exit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    public List<Substitute> substitutes() {
        return jdbc.sql("SELECT original_id, buyer_id, winner_id, material FROM substitution WHERE status = 'WON' ORDER BY won_at")
                .query((rs, n) -> new Substitute(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    public List<Alert> alerts(int limit) {
        return jdbc.sql("SELECT id, kind, message, subject_id, raised_at FROM operator_alert ORDER BY raised_at DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Alert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }
}
