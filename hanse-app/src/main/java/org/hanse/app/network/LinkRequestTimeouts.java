package org.hanse.app.network;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires link requests left unanswered beyond the counterpart's response timeout, once a minute. */
@Component
class LinkRequestTimeouts {

    private final Links links;
    private final Clock clock;

    LinkRequestTimeouts(Links links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hanse.links.timeout-check:PT1M}", initialDelayString = "${hanse.links.timeout-check:PT1M}")
    void expire() {
        links.expireUnanswered(clock.instant());
    }
}
