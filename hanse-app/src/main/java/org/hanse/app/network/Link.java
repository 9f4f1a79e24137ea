package org.hanse.app.network;

import java.time.Instant;
import java.util.List;

/** A supplier–buyer relationship for given materials, requested by one side and decided by the other; transit is null when estimated from locations. */
public record Link(String id, String buyer, String supplier, List<String> materials, LinkStatus status, String requestedBy,
            Instant requestedAt, String decidedBy, Instant decidedAt, java.time.Duration transit) {

    /** The party that must accept or decline. */
    String counterpartOfRequester() {
        return requestedBy.equals(buyer) ? supplier : buyer;
    }

    boolean involves(String nodeId) {
        return buyer.equals(nodeId) || supplier.equals(nodeId);
    }

    String other(String nodeId) {
        return buyer.equals(nodeId) ? supplier : buyer;
    }
}
