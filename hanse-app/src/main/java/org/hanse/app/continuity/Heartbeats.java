package org.hanse.app.continuity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hanse.app.security.Principal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * When each node was last heard from: every API call a node makes counts. Kept in memory per request and written to
 * the database every few seconds (a crash loses at most that much liveness, never business data).
 */
@Component
class Heartbeats implements HandlerInterceptor, WebMvcConfigurer {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    Heartbeats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(Principal.class.getName()) instanceof Principal p && p.kind() == Principal.Kind.NODE) {
            pending.put(p.nodeId(), clock.instant());
        }
    }

    @Scheduled(fixedDelayString = "${hanse.continuity.heartbeat-flush:PT5S}")
    void flush() {
        for (String node : pending.keySet()) {
            Instant at = pending.remove(node);
            if (at == null) {
                continue;
            }
            if (jdbc.sql("UPDATE node_heartbeat SET last_heard_at = ? WHERE node_id = ? AND last_heard_at < ?")
                    .params(Timestamp.from(at), node, Timestamp.from(at)).update() == 0) {
                jdbc.sql("INSERT INTO node_heartbeat (node_id, last_heard_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(node, Timestamp.from(at)).update();
            }
        }
    }

    /** The last time the node was heard from (memory first, then the database); empty if never. */
    Optional<Instant> lastHeard(String node) {
        Instant inMemory = pending.get(node);
        Optional<Instant> stored = jdbc.sql("SELECT last_heard_at FROM node_heartbeat WHERE node_id = ?").param(node)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
        if (inMemory == null) {
            return stored;
        }
        return Optional.of(stored.filter(s -> s.isAfter(inMemory)).orElse(inMemory));
    }
}
