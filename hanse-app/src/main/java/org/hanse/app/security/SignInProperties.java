package org.hanse.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Back-off of failed sign-ins: an account (email) may fail {@code accountFailures} times, a client address
 * {@code addressFailures} times (offices share one address), before each further failure locks it for
 * {@code firstLock}, doubled per failure up to {@code maxLock}; a key quiet for {@code forgetAfter} starts afresh.
 * At most {@code maxTracked} keys are remembered, so a flood of made-up emails cannot exhaust the memory.
 */
@ConfigurationProperties("hanse.security.sign-in")
public record SignInProperties(int accountFailures, int addressFailures, Duration firstLock, Duration maxLock, Duration forgetAfter,
                               int maxTracked) {

    public SignInProperties {
        accountFailures = accountFailures <= 0 ? 5 : accountFailures;
        addressFailures = addressFailures <= 0 ? 20 : addressFailures;
        firstLock = firstLock == null || firstLock.isNegative() || firstLock.isZero() ? Duration.ofMinutes(1) : firstLock;
        maxLock = maxLock == null ? Duration.ofHours(1) : maxLock.compareTo(firstLock) < 0 ? firstLock : maxLock;
        // A tally must outlive its longest lock, or forgetting it would end the lock early.
        forgetAfter = forgetAfter == null ? Duration.ofHours(24) : forgetAfter.compareTo(maxLock) < 0 ? maxLock : forgetAfter;
        maxTracked = maxTracked <= 0 ? 100_000 : maxTracked;
    }
}
