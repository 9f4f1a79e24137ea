package org.hanse.app.logistics;

import java.time.Instant;

/** A buyer inspected a delivered shipment and recorded ACCEPTED (with accepted and rejected quantities): trust rates it. */
public record ShipmentAccepted(String shipment, String order, String buyer, String supplier, Instant acceptedAt) {
}
