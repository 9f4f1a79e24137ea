package org.hanse.app.trust;

import org.hanse.app.messaging.NodeEventPublished;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.payments.InstalmentRecords;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.trust.BuyerRating;
import org.hanse.core.trust.Dimensions;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Suppliers rate buyers (two-way trust, RULES 3.8): each instalment a matched payment completes becomes one interaction
 * of the supplier (truster) about the buyer (trustee), rated by {@link BuyerRating}. Runs after commit, retried after a
 * crash; an instalment is rated once.
 */
@Component
class PaymentRatings {

    private final NodeEvents events;
    private final InstalmentRecords instalments;
    private final Interactions interactions;
    private final TrustLedger ledger;

    PaymentRatings(NodeEvents events, InstalmentRecords instalments, Interactions interactions, TrustLedger ledger) {
        this.events = events;
        this.instalments = instalments;
        this.interactions = interactions;
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(NodeEventPublished published) {
        if (published.type() != EventType.PAYMENT_MATCHED) {
            return;
        }
        Object payment = events.find(published.eventId()).orElseThrow().payload().get("payment");
        if (!(payment instanceof String id)) {
            return;
        }
        for (InstalmentRecords.Instalment i : instalments.completedWith(id)) {
            Dimensions quality = BuyerRating.rate(i.payments(), i.dueAt(), i.creditPeriod(), i.amountDue());
            String key = "instalment:" + Sha256.hex(i.shipment() + "|" + i.trigger()).substring(0, 40);
            java.time.Instant last = i.payments().get(i.payments().size() - 1).at();
            boolean added = interactions.insert(new Interactions.Interaction("INSTALMENT", key, i.line(), i.supplier(), i.buyer(), i.order(), last,
                    BuyerRating.lateness(i.payments(), i.dueAt()), i.creditPeriod().compareTo(BuyerRating.MIN_CREDIT) < 0
                            ? BuyerRating.MIN_CREDIT : i.creditPeriod(), quality, 0, 0));
            if (added) {
                ledger.refresh(i.supplier(), i.buyer(), "instalment " + i.trigger() + " of " + i.shipment() + "/" + i.line());
            }
        }
    }
}
