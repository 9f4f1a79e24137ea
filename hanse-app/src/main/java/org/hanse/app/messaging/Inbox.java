package org.hanse.app.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.hanse.core.event.NodeEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-node inboxes: one row per (recipient, event), numbered in delivery order; the feed reads them by cursor. */
@Repository
class Inbox {

    private final JdbcClient jdbc;
    private final NodeEvents events;
    private final Clock clock;

    Inbox(JdbcClient jdbc, NodeEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Delivers to one recipient; a second delivery of the same event is a no-op. Returns whether a row was added. */
    boolean deliver(String recipient, String eventId) {
        try {
            int added = jdbc.sql("""
                    INSERT INTO inbox (recipient_id, event_id, delivered_at)
                    SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE recipient_id = ? AND event_id = ?)""")
                    .params(recipient, eventId, Timestamp.from(clock.instant()), recipient, eventId)
                    .update();
            return added > 0;
        } catch (DuplicateKeyException concurrentDelivery) {
            return false;
        }
    }

    /**
     * Re-delivers an unanswered request: its entry moves to the end of the recipient's feed (a new seq), so a reader
     * whose cursor passed it sees it again. Returns whether the recipient had it.
     */
    boolean redeliver(String recipient, String eventId) {
        boolean had = jdbc.sql("DELETE FROM inbox WHERE recipient_id = ? AND event_id = ?").params(recipient, eventId).update() > 0;
        return deliver(recipient, eventId) && had;
    }

    /** An inbox entry: the event and its position in the recipient's feed. */
    record Entry(long seq, NodeEvent event) {
    }

    List<Entry> after(String recipient, long afterSeq, int limit) {
        return jdbc.sql("""
                SELECT i.seq, e.* FROM inbox i JOIN event_log e ON e.id = i.event_id
                WHERE i.recipient_id = ? AND i.seq > ? ORDER BY i.seq LIMIT ?""")
                .params(recipient, afterSeq, limit)
                .query((rs, n) -> new Entry(rs.getLong("seq"), events.toEvent(rs, n)))
                .list();
    }

    /** The recipient's newest entries of the given types, newest first. */
    List<Entry> latest(String recipient, java.util.Collection<String> types, int limit) {
        return jdbc.sql("""
                SELECT i.seq, e.* FROM inbox i JOIN event_log e ON e.id = i.event_id
                WHERE i.recipient_id = :recipient AND e.type IN (:types) ORDER BY i.seq DESC LIMIT :limit""")
                .param("recipient", recipient).param("types", types).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("seq"), events.toEvent(rs, n)))
                .list();
    }
}
