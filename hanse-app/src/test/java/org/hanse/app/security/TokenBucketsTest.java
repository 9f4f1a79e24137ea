package org.hanse.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Token buckets on a clock the test moves: 3 calls at once, one more a second; at most 2 buckets held. */
class TokenBucketsTest {

    static final ApiRateLimits.Bucket THREE_PER_SECOND_ONE = new ApiRateLimits.Bucket(3, 1);

    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final TokenBuckets buckets = new TokenBuckets(clock, 2);

    @Test
    void aFullBucketGivesItsBurstThenOneTokenASecond() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a", THREE_PER_SECOND_ONE)).isZero();
        }
        assertThat(buckets.take("a", THREE_PER_SECOND_ONE)).isEqualTo(Duration.ofSeconds(1));
        now = now.plusMillis(400);
        // 0.4 of a token has come back: 0.6 s to wait.
        assertThat(buckets.take("a", THREE_PER_SECOND_ONE)).isEqualTo(Duration.ofMillis(600));
        now = now.plusMillis(600);
        assertThat(buckets.take("a", THREE_PER_SECOND_ONE)).isZero();
        assertThat(buckets.take("a", THREE_PER_SECOND_ONE)).isEqualTo(Duration.ofSeconds(1));
        // Another key has its own bucket.
        assertThat(buckets.take("b", THREE_PER_SECOND_ONE)).isZero();
    }

    @Test
    void aClockSteppingBackAddsNothing() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a", THREE_PER_SECOND_ONE);
        }
        now = now.minusSeconds(60);
        assertThat(buckets.take("a", THREE_PER_SECOND_ONE)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void atMostTwoBucketsAreHeldFullOnesForgottenFirst() {
        buckets.take("a", THREE_PER_SECOND_ONE);
        buckets.take("b", THREE_PER_SECOND_ONE);
        now = now.plusSeconds(1);
        // a and b are full again: forgetting them changes nothing.
        buckets.take("c", THREE_PER_SECOND_ONE);
        assertThat(buckets.tracked()).isEqualTo(1);
        buckets.take("d", THREE_PER_SECOND_ONE);
        // c and d are both in use: all are forgotten rather than the map growing.
        buckets.take("e", THREE_PER_SECOND_ONE);
        assertThat(buckets.tracked()).isEqualTo(1);
    }
}
