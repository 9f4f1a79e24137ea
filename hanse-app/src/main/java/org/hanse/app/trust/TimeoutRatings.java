package org.hanse.app.trust;

import java.time.Duration;
import org.hanse.app.messaging.ResponseTimedOut;
import org.hanse.core.digest.Sha256;
import org.hanse.core.trust.Dimensions;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A timed-out request is a missing message of its recipient toward the requester (RULES 3.8): one interaction rated on
 * information alone — q_i = 0 confirmed of 1 message — with punctuality and qualified rate at the pair's promised levels,
 * so they neither raise nor lower r. Runs after commit, retried after a crash, a repeat changes nothing.
 */
@Component
class TimeoutRatings {

    private final Interactions interactions;
    private final TrustParameters parameters;
    private final TrustLedger ledger;

    TimeoutRatings(Interactions interactions, TrustParameters parameters, TrustLedger ledger) {
        this.interactions = interactions;
        this.parameters = parameters;
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(ResponseTimedOut t) {
        Dimensions promised = parameters.applicable(t.requester(), t.silent()).promised();
        // The request id may be a sender's long owner@id: its digest keeps the key within the column.
        String key = "timeout:" + Sha256.hex(t.request() + "|" + t.silent()).substring(0, 40);
        boolean added = interactions.insert(new Interactions.Interaction("TIMEOUT", key, 0, t.requester(), t.silent(),
                t.order() == null ? key : t.order(), t.timedOutAt(), Duration.ZERO, t.silenceLimit(),
                new Dimensions(promised.punctuality(), promised.qualified(), 0), 1, 0));
        if (added) {
            ledger.refresh(t.requester(), t.silent(), "time-out of " + t.type());
        }
    }
}
