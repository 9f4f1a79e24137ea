package org.hanse.app.relations;

import org.hanse.app.messaging.NodeEventPublished;
import org.hanse.core.event.EventType;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps densities current: the pair of every placed order at once (after commit), every pair daily for the window's decay. */
@Component
class RelationTriggers {

    private final RelationLedger ledger;

    RelationTriggers(RelationLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(NodeEventPublished published) {
        if (published.type() == EventType.ORDER_PLACED && published.recipients().size() == 1) {
            ledger.assess(published.sender(), published.recipients().get(0));
        }
    }

    @Scheduled(cron = "${hanse.relations.daily:0 15 2 * * *}", zone = "UTC")
    void daily() {
        ledger.assessAll();
    }
}
