package org.hanse.app.relations;

import org.hanse.app.messaging.NodeEventPublished;
import org.hanse.core.event.EventType;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps densities current (the pair of every placed order at once after commit, every pair daily for the window's decay),
 * critical paths fresh, and settles messages whose second path timed out.
 */
@Component
class RelationTriggers {

    private final RelationLedger ledger;
    private final CriticalPaths paths;
    private final Transmission transmission;

    RelationTriggers(RelationLedger ledger, CriticalPaths paths, Transmission transmission) {
        this.ledger = ledger;
        this.paths = paths;
        this.transmission = transmission;
    }

    @ApplicationModuleListener
    void on(NodeEventPublished published) {
        if (published.type() == EventType.ORDER_PLACED && published.recipients().size() == 1) {
            ledger.assess(published.sender(), published.recipients().get(0));
        }
    }

    /** Critical paths follow volumes and slack: recomputed every few minutes (and on request), changes announced. */
    @Scheduled(fixedDelayString = "${hanse.relations.paths-every:PT5M}", initialDelayString = "${hanse.relations.paths-every:PT5M}")
    void paths() {
        paths.refresh();
    }

    /** Messages whose second copy is overdue are applied DEGRADED. */
    @Scheduled(fixedDelayString = "${hanse.relations.confluence-check:PT1M}", initialDelayString = "${hanse.relations.confluence-check:PT1M}")
    void confluence() {
        transmission.expire();
    }

    @Scheduled(cron = "${hanse.relations.daily:0 15 2 * * *}", zone = "UTC")
    void daily() {
        ledger.assessAll();
        paths.refresh();
    }
}
