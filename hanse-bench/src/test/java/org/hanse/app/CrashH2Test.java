package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under load on the embedded H2 default (file mode): every write answered 2xx survives. Run with
 * {@code -Dhanse.crash.h2-url=jdbc:h2:file:…;WRITE_DELAY=500} to see H2's delayed commit lose writes.
 */
class CrashH2Test {

    // Six starts of the server: on two cores shared with other builds that can take longer than the default limit.
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesKillNineAndItsEventArrivesOnce(@TempDir Path dir) throws Exception {
        String url = System.getProperty("hanse.crash.h2-url");
        CrashDriver.Report report = CrashTests.run(dir, url == null ? null : url.replace("{dir}", dir.toString()), null, null);

        CrashTests.assertDurable(report);
        assertThat(CrashTests.serverLog(dir)).contains("storage: H2 file database: WRITE_DELAY=0");
    }
}
