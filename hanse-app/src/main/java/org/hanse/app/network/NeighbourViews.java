package org.hanse.app.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.core.event.ConfigView;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each node's copy of its neighbours' configs, kept current from the events it receives: a CONFIG_CHANGED
 * patch applies to a view at its from-version; a view that fell behind takes the full snapshot instead.
 */
@Component
class NeighbourViews {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final NodeEvents events;
    private final NodeRepository nodes;
    private final Clock clock;

    NeighbourViews(JdbcClient jdbc, JsonMapper json, NodeEvents events, NodeRepository nodes, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** A viewer's copy of a subject's config. */
    record View(String viewer, String subject, long version, Map<String, Object> config) {
    }

    @ApplicationModuleListener
    void on(ConfigShared shared) {
        events.find(shared.eventId()).ifPresent(this::apply);
    }

    /** Applies one event to every recipient's view; applying it again changes nothing. */
    @SuppressWarnings("unchecked")
    void apply(NodeEvent event) {
        Map<String, Object> p = event.payload();
        for (String viewer : event.recipients()) {
            if (event.type() == EventType.CONFIG_CHANGED) {
                String subject = (String) p.get("node");
                long from = ((Number) p.get("fromVersion")).longValue();
                long to = ((Number) p.get("toVersion")).longValue();
                Optional<View> view = find(viewer, subject);
                if (view.isEmpty()) {
                    takeSnapshot(viewer, subject);
                    continue;
                }
                ConfigView.Result result = new ConfigView(view.get().version(), view.get().config())
                        .offer(from, to, (Map<String, Object>) p.get("patch"));
                switch (result.outcome()) {
                    case APPLIED -> save(viewer, subject, result.view().version(), result.view().config());
                    case SNAPSHOT_NEEDED -> takeSnapshot(viewer, subject);
                    case ALREADY_CURRENT -> { }
                }
            } else {
                // LINK_ACCEPTED carries the counterpart's snapshot for this viewer.
                String subject = (String) p.get("counterpart");
                long version = ((Number) p.get("version")).longValue();
                Optional<View> view = find(viewer, subject);
                if (view.isEmpty() || view.get().version() < version) {
                    save(viewer, subject, version, (Map<String, Object>) p.get("config"));
                }
            }
        }
    }

    List<View> of(String viewer) {
        return jdbc.sql("SELECT * FROM node_view WHERE viewer_id = ? ORDER BY subject_id").param(viewer)
                .query(this::toView).list();
    }

    Optional<View> find(String viewer, String subject) {
        return jdbc.sql("SELECT * FROM node_view WHERE viewer_id = ? AND subject_id = ?").params(viewer, subject)
                .query(this::toView).optional();
    }

    private View toView(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new View(rs.getString("viewer_id"), rs.getString("subject_id"), rs.getLong("version"),
                json.readValue(rs.getString("config_json"), new TypeReference<Map<String, Object>>() { }));
    }

    private void takeSnapshot(String viewer, String subject) {
        nodes.find(subject).ifPresent(n -> save(viewer, subject, n.version(), n.config()));
    }

    private void save(String viewer, String subject, long version, Map<String, Object> config) {
        String text = json.writeValueAsString(config);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE node_view SET version = ?, config_json = ?, updated_at = ?
                WHERE viewer_id = ? AND subject_id = ? AND version < ?""")
                .params(version, text, now, viewer, subject, version).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO node_view (viewer_id, subject_id, version, config_json, updated_at)
                    SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM node_view WHERE viewer_id = ? AND subject_id = ?)""")
                    .params(viewer, subject, version, text, now, viewer, subject).update();
        }
    }
}
