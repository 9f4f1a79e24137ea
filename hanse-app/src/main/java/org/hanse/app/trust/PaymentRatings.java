package org.hanse.app.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hanse.app.messaging.NodeEventPublished;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.payments.InstalmentRecords;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.trust.BuyerRating;
import org.hanse.core.trust.Dimensions;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Suppliers rate buyers (two-way trust, RULES 3.8): each instalment a matched payment completes becomes one interaction
 * of the supplier (truster) about the buyer (trustee), rated by {@link BuyerRating}; one still short a whole credit
 * period after its due date is rated then. Runs after commit, retried after a crash; an instalment is rated once.
 */
@Component
class PaymentRatings {

    private final NodeEvents events;
    private final InstalmentRecords instalments;
    private final Interactions interactions;
    private final TrustLedger ledger;
    private final Clock clock;

    /** Units older than this are not looked at again by the overdue check (a trust window is at most 365 days). */
    static final Duration LOOK_BACK = Duration.ofDays(400);
    static final int MAX_UNITS = 20_000;

    PaymentRatings(NodeEvents events, InstalmentRecords instalments, Interactions interactions, TrustLedger ledger, Clock clock) {
        this.clock = clock;
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
            Instant last = i.payments().get(i.payments().size() - 1).at();
            rate(i, BuyerRating.rate(i.payments(), i.dueAt(), i.creditPeriod(), i.amountDue()), last,
                    BuyerRating.lateness(i.payments(), i.dueAt()));
        }
    }

    /** Instalments still short a whole credit period after their due date are rated now, so a buyer who never pays loses trust too. */
    @Scheduled(fixedDelayString = "${hanse.trust.overdue-check:PT1H}", initialDelayString = "${hanse.trust.overdue-check:PT1H}")
    void rateLongOverdue() {
        Instant now = clock.instant();
        for (InstalmentRecords.Instalment i : instalments.longOverdue(now.minus(LOOK_BACK), now, MAX_UNITS)) {
            rate(i, BuyerRating.rateOverdue(i.payments(), i.dueAt(), i.creditPeriod(), i.amountDue(), now), now,
                    Duration.between(i.dueAt(), now));
        }
    }

    /** Stores the instalment's rating once (under one key, whether rated complete or overdue) and recomputes the pair. */
    private void rate(InstalmentRecords.Instalment i, Dimensions quality, Instant at, Duration lateness) {
        String key = "instalment:" + Sha256.hex(i.shipment() + "|" + i.trigger()).substring(0, 40);
        Duration credit = i.creditPeriod().compareTo(BuyerRating.MIN_CREDIT) < 0 ? BuyerRating.MIN_CREDIT : i.creditPeriod();
        boolean added = interactions.insert(new Interactions.Interaction("INSTALMENT", key, i.line(), i.supplier(), i.buyer(), i.order(), at,
                lateness, credit, quality, 0, 0));
        if (added) {
            ledger.refresh(i.supplier(), i.buyer(), "instalment " + i.trigger() + " of " + i.shipment() + "/" + i.line());
        }
    }
}
