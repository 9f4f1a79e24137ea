package org.hanse.app.messaging;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the re-delivery and time-out sweep every {@code hanse.messaging.acks.check}. */
@Component
class AckJob {

    private final Acknowledgements acknowledgements;

    AckJob(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @Scheduled(fixedDelayString = "${hanse.messaging.acks.check:PT1M}", initialDelayString = "${hanse.messaging.acks.check:PT1M}")
    void sweep() {
        acknowledgements.sweep();
    }
}
