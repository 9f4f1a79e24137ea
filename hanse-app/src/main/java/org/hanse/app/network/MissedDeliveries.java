package org.hanse.app.network;

import java.time.Instant;
import java.util.Optional;

/** Checks a reported missed delivery against the order and its shipments (RULES 3.4); implemented by the logistics module. */
public interface MissedDeliveries {

    /**
     * Why {@code reporter}'s report that {@code order} was missed (by {@code subject}, null when the reporter names no one)
     * is refused; empty when the order's delivery was due before {@code now} and is not delivered in full.
     */
    Optional<String> refusal(String reporter, String subject, String order, Instant now);
}
