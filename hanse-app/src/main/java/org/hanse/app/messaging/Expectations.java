package org.hanse.app.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored expectations of an answer: one row per (request event, recipient); every change is conditional on the row still being open. */
@Repository
class Expectations {

    private final JdbcClient jdbc;

    Expectations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One tracked request to one recipient. */
    record Expectation(String event, String recipient, String sender, String type, String order, Instant sentAt, int redelivered,
                       Instant answeredAt, String answeredBy, Instant timedOutAt) {

        boolean open() {
            return answeredAt == null && timedOutAt == null;
        }
    }

    /** Starts tracking; a second call for the same pair changes nothing. */
    void track(String event, String recipient, String sender, String type, String order, Instant sentAt) {
        jdbc.sql("""
                INSERT INTO message_expectation (event_id, recipient_id, sender_id, type, order_id, sent_at, last_delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event, recipient, sender, type, order, Timestamp.from(sentAt), Timestamp.from(sentAt)).update();
    }

    Optional<Expectation> find(String event, String recipient) {
        return jdbc.sql("SELECT * FROM message_expectation WHERE event_id = ? AND recipient_id = ?").params(event, recipient)
                .query(Expectations::row).optional();
    }

    /** Open requests of {@code type} from {@code sender} to {@code recipient} about {@code order}. */
    List<Expectation> openAbout(String type, String sender, String recipient, String order) {
        return jdbc.sql("""
                SELECT * FROM message_expectation WHERE type = ? AND sender_id = ? AND recipient_id = ? AND order_id = ?
                AND answered_at IS NULL AND timed_out_at IS NULL""")
                .params(type, sender, recipient, order).query(Expectations::row).list();
    }

    /** The oldest open requests, at most {@code limit}. */
    List<Expectation> open(int limit) {
        return jdbc.sql("SELECT * FROM message_expectation WHERE timed_out_at IS NULL AND answered_at IS NULL ORDER BY sent_at LIMIT ?")
                .param(limit).query(Expectations::row).list();
    }

    /** Marks the request answered if it is still open; returns whether this call did. */
    boolean answer(String event, String recipient, String by, Instant at) {
        return jdbc.sql("""
                UPDATE message_expectation SET answered_at = ?, answered_by = ?
                WHERE event_id = ? AND recipient_id = ? AND answered_at IS NULL AND timed_out_at IS NULL""")
                .params(Timestamp.from(at), by, event, recipient).update() == 1;
    }

    /** Counts a re-delivery if the request is still open and nobody counted this one; returns whether this call did. */
    boolean redelivered(Expectation e, Instant at) {
        return jdbc.sql("""
                UPDATE message_expectation SET redelivered = redelivered + 1, last_delivered_at = ?
                WHERE event_id = ? AND recipient_id = ? AND redelivered = ? AND answered_at IS NULL AND timed_out_at IS NULL""")
                .params(Timestamp.from(at), e.event(), e.recipient(), e.redelivered()).update() == 1;
    }

    /** Marks the request timed out if it is still open; returns whether this call did. */
    boolean timedOut(Expectation e, Instant at) {
        return jdbc.sql("""
                UPDATE message_expectation SET timed_out_at = ?
                WHERE event_id = ? AND recipient_id = ? AND answered_at IS NULL AND timed_out_at IS NULL""")
                .params(Timestamp.from(at), e.event(), e.recipient()).update() == 1;
    }

    /** Requests answered since {@code since} (by {@code recipient}, or by anyone when null), oldest answer first (response delays). */
    List<Expectation> answeredSince(String recipient, Instant since) {
        return jdbc.sql("""
                SELECT * FROM message_expectation WHERE answered_at >= ? AND answered_by IN ('ACK', 'ANSWER')
                AND (CAST(? AS VARCHAR(64)) IS NULL OR recipient_id = ?)
                ORDER BY answered_at""")
                .params(Timestamp.from(since), recipient, recipient).query(Expectations::row).list();
    }

    private static Expectation row(ResultSet rs, int n) throws SQLException {
        return new Expectation(rs.getString("event_id"), rs.getString("recipient_id"), rs.getString("sender_id"), rs.getString("type"),
                rs.getString("order_id"), rs.getTimestamp("sent_at").toInstant(), rs.getInt("redelivered"), instant(rs.getTimestamp("answered_at")),
                rs.getString("answered_by"), instant(rs.getTimestamp("timed_out_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
