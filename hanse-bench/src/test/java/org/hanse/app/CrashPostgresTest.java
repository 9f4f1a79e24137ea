package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server under load on PostgreSQL (the embedded server lives in the test JVM and survives the child):
 * every write answered 2xx survives, and the server's synchronous_commit = off is raised to on for Hanse's sessions.
 */
class CrashPostgresTest {

    // Six starts of the server: on two cores shared with other builds that can take longer than the default limit.
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesKillNineAndItsEventArrivesOnce(@TempDir Path dir) throws Exception {
        String database = "crash_" + Long.toString(System.nanoTime(), 36);
        String url = EmbeddedPostgres.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            // A database of its own: the restarts republish only this test's outstanding events.
            s.execute("CREATE DATABASE " + database);
            try (ResultSet r = s.executeQuery("SHOW synchronous_commit")) {
                r.next();
                assertThat(r.getString(1)).as("the embedded server's default").isEqualTo("off");
            }
        }
        CrashDriver.Report report = CrashTests.run(dir, url.replaceFirst("/postgres(\\?|$)", "/" + database + "$1"), "postgres", "postgres");

        CrashTests.assertDurable(report);
        // The embedded server also runs without fsync, which a kill of the application (not of PostgreSQL) does not test;
        // the start-up check names it.
        assertThat(CrashTests.serverLog(dir)).contains("storage: PostgreSQL: synchronous_commit=on, fsync=off: answered writes can be lost");
    }
}
