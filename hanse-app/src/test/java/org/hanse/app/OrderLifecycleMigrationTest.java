package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V22 maps stored orders to the life cycle (OPEN → CONFIRMED, COMPLETED → DELIVERED), on H2 in PostgreSQL mode and on PostgreSQL. */
class OrderLifecycleMigrationTest {

    @Test
    void onH2() {
        check(new DriverManagerDataSource("jdbc:h2:mem:v22-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
                "public");
    }

    @Test
    void onPostgres() {
        // Its own schema on the shared server: the contract tests' tables stay untouched.
        check(new DriverManagerDataSource(EmbeddedPostgres.jdbcUrl(), "postgres", "postgres"), "v22_migration");
    }

    private static void check(DataSource ds, String schema) {
        Flyway.configure().dataSource(ds).schemas(schema).locations("classpath:db/migration").target("21").cleanDisabled(false).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        String prefix = schema + ".";
        Timestamp now = Timestamp.from(Instant.parse("2026-12-01T08:00:00Z"));
        for (String node : List.of("b", "s")) {
            jdbc.sql("INSERT INTO " + prefix + "node (id, name, version, config_json, api_key_hash, registered_at, updated_at) VALUES (?, ?, 1, '{}', ?, ?, ?)")
                    .params(node, node, "hash-" + node, now, now).update();
        }
        for (String status : List.of("OPEN", "COMPLETED", "REJECTED", "WITHDRAWN")) {
            jdbc.sql("INSERT INTO " + prefix + """
                    purchase_order (id, buyer_id, supplier_id, root_id, status, outcome, priority, earliest, due, lines_json,
                        batch_minimum, batch_multiple, transit_seconds, urgency, decision_json, content_hash, revision, placed_at, decided_at)
                    VALUES (?, 'b', 's', ?, ?, 'ACCEPTED_ROUTINE', 'NORMAL', ?, ?, '[]', 0, 1, 0, 0.1, '{}', 'h', 1, ?, ?)""")
                    .params(status, status, status, now, now, now, now).update();
        }
        Flyway.configure().dataSource(ds).schemas(schema).locations("classpath:db/migration").target("22").load().migrate();
        assertThat(jdbc.sql("SELECT id || '>' || status FROM " + prefix + "purchase_order ORDER BY id").query(String.class).list())
                .containsExactly("COMPLETED>DELIVERED", "OPEN>CONFIRMED", "REJECTED>REJECTED", "WITHDRAWN>WITHDRAWN");
        // The widened column takes the longest state.
        jdbc.sql("UPDATE " + prefix + "purchase_order SET status = 'PARTIALLY_SHIPPED' WHERE id = 'OPEN'").update();
        assertThat(jdbc.sql("SELECT status FROM " + prefix + "purchase_order WHERE id = 'OPEN'").query(String.class).single()).isEqualTo("PARTIALLY_SHIPPED");
    }
}
