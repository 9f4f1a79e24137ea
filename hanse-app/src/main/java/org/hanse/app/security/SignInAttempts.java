package org.hanse.app.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Guards sign-in against password guessing, per account (the email as typed, known or not, so a lock reveals nothing)
 * and per client address (one address spraying many emails). After the free failures each further failure locks the
 * key for a back-off that doubles from {@link SignInProperties#firstLock()} to {@link SignInProperties#maxLock()};
 * attempts during a lock are refused unchecked and do not count, so the window always ends and the owner gets back in.
 */
@Component
class SignInAttempts {

    /** What a tally counts: failures for one email, or from one client address (an IPv6 client by its /64). */
    enum Kind { ACCOUNT, ADDRESS }

    /** A key locked now: how many failures it has and until when it is refused. */
    record Lock(Kind kind, String key, int failures, Instant lockedUntil) {
    }

    private record Tally(int failures, Instant last, Instant lockedUntil) {
    }

    static final int MAX_EMAIL = 254;
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final SignInProperties settings;
    private final Clock clock;

    SignInAttempts(SignInProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when the email or the client address is refused; empty when both may try now. */
    Optional<Instant> lockedUntil(String email, String address) {
        Instant now = clock.instant();
        return Stream.of(tallies.get(name(Kind.ACCOUNT, account(email))), tallies.get(name(Kind.ADDRESS, address(address))))
                .filter(t -> t != null && t.lockedUntil() != null && t.lockedUntil().isAfter(now))
                .map(Tally::lockedUntil).max(Comparator.naturalOrder());
    }

    /** A wrong password (or an unknown email) from this address: both tallies count it. */
    void failed(String email, String address) {
        count(Kind.ACCOUNT, account(email), settings.accountFailures());
        count(Kind.ADDRESS, address(address), settings.addressFailures());
    }

    /**
     * The right password: the account starts afresh. The address keeps its tally, or a guesser with an account of their
     * own could sign in between guesses at other people's accounts to wipe it.
     */
    void succeeded(String email) {
        tallies.remove(name(Kind.ACCOUNT, account(email)));
    }

    /** Every key locked now, the latest lock first. */
    List<Lock> locks() {
        Instant now = clock.instant();
        return tallies.entrySet().stream()
                .filter(e -> e.getValue().lockedUntil() != null && e.getValue().lockedUntil().isAfter(now))
                .map(e -> {
                    String[] kindAndKey = e.getKey().split(" ", 2);
                    return new Lock(Kind.valueOf(kindAndKey[0]), kindAndKey[1], e.getValue().failures(), e.getValue().lockedUntil());
                })
                .sorted(Comparator.comparing(Lock::lockedUntil).reversed().thenComparing(Lock::key))
                .toList();
    }

    /** Forgets the tallies of an account and/or an address (already validated); returns how many there were. */
    int unlock(String account, String address) {
        int cleared = 0;
        if (account != null && tallies.remove(name(Kind.ACCOUNT, account(account))) != null) {
            cleared++;
        }
        if (address != null && tallies.remove(name(Kind.ADDRESS, address(address))) != null) {
            cleared++;
        }
        return cleared;
    }

    private void count(Kind kind, String key, int free) {
        Instant now = clock.instant();
        String name = name(kind, key);
        if (!tallies.containsKey(name) && tallies.size() >= settings.maxTracked() && !makeRoom(now)) {
            return;
        }
        tallies.compute(name, (k, old) -> {
            int failures = old == null || old.last().plus(settings.forgetAfter()).isBefore(now) ? 1 : old.failures() + 1;
            return new Tally(failures, now, failures < free ? null : now.plus(backOff(failures - free)));
        });
    }

    /** The lock after the n-th failure beyond the free ones (n = 0 for the first): doubled each time, capped. */
    Duration backOff(int beyondFree) {
        Duration lock = settings.firstLock();
        for (int i = 0; i < beyondFree && lock.compareTo(settings.maxLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(settings.maxLock()) > 0 ? settings.maxLock() : lock;
    }

    /** Drops tallies that are not locking anything; false when every tracked key is locked (the new one stays untracked). */
    private boolean makeRoom(Instant now) {
        tallies.entrySet().removeIf(e -> e.getValue().lockedUntil() == null || !e.getValue().lockedUntil().isAfter(now));
        return tallies.size() < settings.maxTracked();
    }

    int tracked() {
        return tallies.size();
    }

    private static String name(Kind kind, String key) {
        return kind.name() + " " + key;
    }

    /** The account key of an email as typed: trimmed and lower-cased; overlong input by its digest, so memory stays bounded. */
    static String account(String email) {
        String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return normalised.length() <= MAX_EMAIL ? normalised : "sha256:" + ApiKeys.hash(normalised);
    }

    /**
     * The address key of a client: an IPv4 address as it is, an IPv6 address by its /64 prefix (one subscriber's
     * network, which a guesser could otherwise walk through address by address); anything else under "unknown".
     */
    static String address(String remote) {
        Optional<InetAddress> parsed = parseAddress(remote);
        if (parsed.isEmpty()) {
            return "unknown";
        }
        byte[] b = parsed.get().getAddress();
        if (parsed.get() instanceof Inet6Address) {
            return String.format("%x:%x:%x:%x::/64", ((b[0] & 0xff) << 8) | (b[1] & 0xff), ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                    ((b[4] & 0xff) << 8) | (b[5] & 0xff), ((b[6] & 0xff) << 8) | (b[7] & 0xff));
        }
        return parsed.get().getHostAddress();
    }

    /** An IP literal (an IPv6 one may carry the /64 of a listed lock); never a name, so nothing is looked up in DNS. */
    static Optional<InetAddress> parseAddress(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.trim();
        literal = literal.endsWith("/64") && literal.contains(":") ? literal.substring(0, literal.length() - 3) : literal;
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !(literal.contains(":") && IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
