package org.hanse.core.relation;

import org.hanse.core.digest.Sha256;

/**
 * Multi-level information transmission (RULES 3.4): relays beyond H_max = 4 hops are dropped (deeper nodes subscribe to
 * the origin directly), and messages to and from critical nodes travel on two paths with the SHA-256 of their canonical
 * payload, cross-validated where they meet.
 */
public final class Relay {

    public static final int MAX_HOPS = org.hanse.core.parameters.NetworkParameters.DEFAULTS.transmission().maxHops();

    private Relay() {
    }

    /** Whether an item that has travelled {@code hops} hops may be relayed once more. */
    public static boolean mayRelay(int hops) {
        return mayRelay(hops, MAX_HOPS);
    }

    /** As {@link #mayRelay(int)} with the network's hop cap H_max. */
    public static boolean mayRelay(int hops, int maxHops) {
        return hops + 1 <= maxHops;
    }

    /** The outcome at the confluence. */
    public enum Verdict { APPLY_ONCE, INTEGRITY_MISMATCH, DEGRADED, WAIT }

    /**
     * Cross-validation of the two copies (null = not arrived). Both equal (and matching the digest) → apply once;
     * different → INTEGRITY_MISMATCH, neither applied; one missing after the timeout → the other, flagged DEGRADED.
     */
    public static Verdict crossValidate(String first, String second, String digest, boolean timedOut) {
        if (first != null && second != null) {
            boolean ok = first.equals(second) && Sha256.hex(first).equals(digest);
            return ok ? Verdict.APPLY_ONCE : Verdict.INTEGRITY_MISMATCH;
        }
        if (!timedOut) {
            return Verdict.WAIT;
        }
        String only = first != null ? first : second;
        if (only == null) {
            return Verdict.WAIT;
        }
        return Sha256.hex(only).equals(digest) ? Verdict.DEGRADED : Verdict.INTEGRITY_MISMATCH;
    }

}
