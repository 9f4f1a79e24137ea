package org.hanse.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets of the API: one per key (node or operator), one per client address for keyless calls
 * (self-registration); at most {@code maxTracked} buckets are held at once.
 */
@ConfigurationProperties("hanse.limits.api-rate")
public record ApiRateLimits(Bucket keyed, Bucket anonymous, int maxTracked) {

    /** A bucket of {@code burst} calls, refilled by {@code perSecond} calls a second. */
    public record Bucket(int burst, double perSecond) {
        public Bucket {
            burst = Math.max(1, burst);
            perSecond = perSecond > 0 ? perSecond : 1;
        }
    }

    public ApiRateLimits {
        keyed = keyed == null ? new Bucket(2000, 200) : keyed;
        anonymous = anonymous == null ? new Bucket(500, 20) : anonymous;
        maxTracked = maxTracked <= 0 ? 100_000 : maxTracked;
    }
}
