package org.hanse.app.relations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hanse.app.network.DelayAdvice;
import org.hanse.core.relation.Distortion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Transmission delays toward a node (event published → in its inbox) over the last 30 days, for its effective timeout. */
@Component
class MeasuredDelays implements DelayAdvice {

    private final JdbcClient jdbc;
    private final Clock clock;

    MeasuredDelays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Double> delayVarianceSeconds2(String node) {
        List<Double> delays = new ArrayList<>();
        jdbc.sql("""
                SELECT e.occurred_at, i.delivered_at FROM inbox i JOIN event_log e ON e.id = i.event_id
                WHERE i.recipient_id = ? AND i.delivered_at >= ?""")
                .params(node, Timestamp.from(clock.instant().minus(NetworkAnalytics.DELAY_WINDOW)))
                .query(rs -> {
                    delays.add(Math.max(0, Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toMillis() / 1000.0));
                });
        return delays.size() < 2 ? Optional.empty() : Optional.of(Distortion.variance(delays.stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
