package org.hanse.app.network;

import org.hanse.core.trust.SharingLevel;

/**
 * How much a node shares with one of its partners: REAL_TIME partners get pushed state and full quantities, POLLING
 * partners poll at most once per period and see zones only. Implemented by the trust module (RULES 3.8).
 */
public interface PartnerSharing {

    /** The level on which {@code owner} keeps {@code partner} (its trust in the partner, with hysteresis). */
    SharingLevel level(String owner, String partner);
}
