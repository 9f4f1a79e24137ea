package org.hanse.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The back-off arithmetic and the keys of {@link SignInAttempts}, on a clock the test moves. */
class SignInAttemptsTest {

    private final HandClock clock = new HandClock();
    private final SignInProperties settings = new SignInProperties(5, 20, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24), 50);
    private final SignInAttempts attempts = new SignInAttempts(settings, clock);

    @Test
    void theLockDoublesFromOneMinuteToTheOneHourCap() {
        // Failures 5, 6, 7, … lock for 1, 2, 4, 8, 16, 32 minutes, then 60 (not 64), and 60 from then on.
        assertThat(IntStream.range(0, 9).mapToObj(n -> attempts.backOff(n).toMinutes()).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(attempts.backOff(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aLockedKeyIsRefusedUntilItsWindowEndsAndAQuietDayForgetsIt() {
        for (int k = 0; k < 4; k++) {
            attempts.failed("Ann@Example.test ", "192.0.2.1");
        }
        assertThat(attempts.lockedUntil("ann@example.test", "192.0.2.9")).isEmpty();
        attempts.failed("ann@example.test", "192.0.2.1");
        Instant fifth = clock.instant();
        assertThat(attempts.lockedUntil("ANN@example.test", "192.0.2.9")).contains(fifth.plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofSeconds(59));
        assertThat(attempts.lockedUntil("ann@example.test", null)).contains(fifth.plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempts.lockedUntil("ann@example.test", null)).isEmpty();
        attempts.failed("ann@example.test", "192.0.2.1");
        assertThat(attempts.lockedUntil("ann@example.test", null)).contains(clock.instant().plus(Duration.ofMinutes(2)));
        // A day without failures: the tally starts afresh, four failures lock nothing.
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        for (int k = 0; k < 4; k++) {
            attempts.failed("ann@example.test", "192.0.2.1");
        }
        assertThat(attempts.lockedUntil("ann@example.test", null)).isEmpty();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64AndUnlockTakesEitherForm() {
        assertThat(SignInAttempts.address("2001:db8:a:b:1:2:3:4")).isEqualTo("2001:db8:a:b::/64");
        assertThat(SignInAttempts.address("2001:db8:a:b::ffff")).isEqualTo("2001:db8:a:b::/64");
        assertThat(SignInAttempts.address("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(SignInAttempts.address("203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(SignInAttempts.address("localhost")).isEqualTo("unknown");
        assertThat(SignInAttempts.parseAddress("1234")).isEmpty();
        assertThat(SignInAttempts.parseAddress("256.1.1.1")).isEmpty();
        assertThat(SignInAttempts.parseAddress("example.org")).isEmpty();
        for (int k = 0; k < 20; k++) {
            attempts.failed("x" + k + "@example.test", "2001:db8:a:b::" + Integer.toHexString(k + 1));
        }
        assertThat(attempts.lockedUntil("someone@example.test", "2001:db8:a:b:ffff::1")).isPresent();
        assertThat(attempts.lockedUntil("someone@example.test", "2001:db8:a:c::1")).isEmpty();
        assertThat(attempts.locks()).extracting(SignInAttempts.Lock::key).containsExactly("2001:db8:a:b::/64");
        assertThat(attempts.unlock(null, "2001:db8:a:b::/64")).isEqualTo(1);
        assertThat(attempts.lockedUntil("someone@example.test", "2001:db8:a:b::1")).isEmpty();
    }

    @Test
    void overlongEmailsAndAFloodOfThemStayBounded() {
        assertThat(SignInAttempts.account("a".repeat(10_000))).startsWith("sha256:").hasSizeLessThan(80);
        // 50 keys at most: a flood from one address of made-up emails (none locked) is swept to make room.
        for (int k = 0; k < 200; k++) {
            attempts.failed("flood" + k + "@example.test", "198.51.100.1");
        }
        assertThat(attempts.tracked()).isLessThanOrEqualTo(50);
        // The flooding address itself is locked and stays tracked through the sweeps.
        assertThat(attempts.lockedUntil("anyone@example.test", "198.51.100.1")).isPresent();
    }

    /** A clock that stands still until the test moves it. */
    private static final class HandClock extends java.time.Clock {
        private Instant now = Instant.parse("2026-03-02T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
