package org.hanse.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Guards sign-in against password guessing: after {@link #LIMIT} failed attempts for one email within {@link #WINDOW},
 * that email is locked until the window has passed, whatever password comes next (checked before the password).
 */
@Component
class SignInAttempts {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInAttempts(Clock clock) {
        this.clock = clock;
    }

    void failed(String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        Deque<Instant> list = failures.computeIfAbsent(key(email), k -> new ArrayDeque<>());
        synchronized (list) {
            list.addLast(clock.instant());
            prune(list);
        }
    }

    boolean locked(String email) {
        Deque<Instant> list = email == null ? null : failures.get(key(email));
        if (list == null) {
            return false;
        }
        synchronized (list) {
            prune(list);
            return list.size() >= LIMIT;
        }
    }

    private void prune(Deque<Instant> list) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!list.isEmpty() && list.peekFirst().isBefore(cutoff)) {
            list.removeFirst();
        }
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
