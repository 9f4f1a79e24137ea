package org.hanse.app.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key, timed by the server's clock (so tests move time instead of sleeping). A call takes one
 * token; an empty bucket answers how long until the next token. Refused calls take nothing.
 */
final class TokenBuckets {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxTracked;

    TokenBuckets(Clock clock, int maxTracked) {
        this.clock = clock;
        this.maxTracked = maxTracked;
    }

    /** Takes a token from {@code key}'s bucket: {@link Duration#ZERO} if there was one, else the wait for the next. */
    Duration take(String key, ApiRateLimits.Bucket limits) {
        // instant(), not millis(): Clock.tick's millis() divides by zero for the server's sub-millisecond tick.
        long now = clock.instant().toEpochMilli();
        if (buckets.size() >= maxTracked && !buckets.containsKey(key)) {
            prune(now);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(limits, now)).take(now);
    }

    int tracked() {
        return buckets.size();
    }

    /**
     * Forgets buckets that have refilled completely (forgetting them changes nothing); if every bucket is in use, all
     * are forgotten: a flood of client addresses must not grow the map without bound, and a fresh start is generous.
     */
    private void prune(long now) {
        buckets.values().removeIf(b -> b.full(now));
        if (buckets.size() >= maxTracked) {
            buckets.clear();
        }
    }

    /** One bucket: tokens as of {@code at} (epoch milliseconds). */
    private static final class Bucket {
        private final ApiRateLimits.Bucket limits;
        private double tokens;
        private long at;

        Bucket(ApiRateLimits.Bucket limits, long now) {
            this.limits = limits;
            this.tokens = limits.burst();
            this.at = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - tokens) * 1000 / limits.perSecond()));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= limits.burst();
        }

        private void refill(long now) {
            // A clock that steps back adds nothing (and takes nothing).
            long elapsed = Math.max(0, now - at);
            tokens = Math.min(limits.burst(), tokens + elapsed * limits.perSecond() / 1000.0);
            at = Math.max(at, now);
        }
    }
}
