package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The server's clock: instants truncated to microseconds, and millis() that works (the JDK's 1 µs tick clock divides by zero). */
class ClockConfigurationTest {

    @Test
    void instantsAreTruncatedToMicrosecondsAndMillisWork() {
        Clock fixed = Clock.fixed(Instant.parse("2026-12-01T10:15:30.123456789Z"), ZoneOffset.UTC);
        Clock clock = new ClockConfiguration.MicrosecondClock(fixed);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-01T10:15:30.123456Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-12-01T10:15:30.123Z").toEpochMilli());
        assertThat(new ClockConfiguration().clock().millis()).isPositive();
    }
}
