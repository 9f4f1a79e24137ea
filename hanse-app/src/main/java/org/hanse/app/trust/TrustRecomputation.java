package org.hanse.app.trust;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Trust decays with time even when nothing happens, and undisputed penalties take effect when their dispute window
 * ends: this job confirms those penalties and recomputes every pair, so levels (and who gets pushed data) follow.
 */
@Component
class TrustRecomputation {

    private static final Logger LOG = LoggerFactory.getLogger(TrustRecomputation.class);

    private final Penalties penalties;
    private final TrustLedger ledger;

    TrustRecomputation(Penalties penalties, TrustLedger ledger) {
        this.penalties = penalties;
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${hanse.trust.recompute-every:PT1H}", initialDelayString = "${hanse.trust.recompute-every:PT1H}")
    void run() {
        java.util.List<String[]> touched = penalties.confirmUndisputed();
        java.util.Set<java.util.List<String>> pairs = new java.util.LinkedHashSet<>();
        ledger.pairs().forEach(p -> pairs.add(java.util.List.of(p)));
        // A confirmed penalty on a pair without any delivery yet gives that pair its first state.
        touched.forEach(p -> pairs.add(java.util.List.of(p)));
        for (java.util.List<String> pair : pairs) {
            ledger.refresh(pair.get(0), pair.get(1), "recomputation");
        }
        int confirmed = touched.size();
        if (confirmed > 0) {
            LOG.info("trust: {} penalties confirmed after their dispute window, {} pairs recomputed", confirmed, pairs.size());
        }
    }
}
