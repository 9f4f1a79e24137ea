package org.hanse.core.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Certificates of core enterprises: a node declaring role {@code core} is a core enterprise only while a certificate
 * is valid (valid from ≤ today ≤ valid to, not revoked). Issue and revoke are the only transitions; a revoked
 * certificate stays revoked.
 */
public final class Certification {

    /** Longest validity a certificate may state: five years, so every certificate is reviewed eventually. */
    public static final long MAX_YEARS = 5;

    private Certification() {
    }

    /** A certificate's state as the rules need it. */
    public record Certificate(LocalDate validFrom, LocalDate validTo, Instant revokedAt) {

        /** Whether the certificate certifies on {@code day}. */
        public boolean validOn(LocalDate day) {
            return revokedAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
        }

        /**
         * Revokes at {@code now}.
         *
         * @throws IllegalStateException when already revoked
         */
        public Certificate revoke(Instant now) {
            if (revokedAt != null) {
                throw new IllegalStateException("the certificate was revoked already at " + revokedAt);
            }
            return new Certificate(validFrom, validTo, now);
        }
    }

    /** Why a validity period cannot be issued, or null when it can: to before from, or longer than five years. */
    public static String refusal(LocalDate validFrom, LocalDate validTo) {
        if (validTo.isBefore(validFrom)) {
            return "validTo must not be before validFrom";
        }
        if (ChronoUnit.DAYS.between(validFrom, validTo) > ChronoUnit.DAYS.between(validFrom, validFrom.plusYears(MAX_YEARS))) {
            return "a certificate is valid for at most " + MAX_YEARS + " years";
        }
        return null;
    }
}
