package org.hanse.app.continuity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The continuity checks that time drives: unannounced exits, substitutions past their deadline (widen, then fail),
 * announced exits that have come (links end) — every minute by default — and every backup list, hourly.
 */
@Component
class ContinuityJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuityJobs.class);

    private final ExitIntentions exits;
    private final Substitutions substitutions;
    private final BackupLists backups;

    ContinuityJobs(ExitIntentions exits, Substitutions substitutions, BackupLists backups) {
        this.exits = exits;
        this.substitutions = substitutions;
        this.backups = backups;
    }

    @Scheduled(fixedDelayString = "${hanse.continuity.check-every:PT1M}", initialDelayString = "${hanse.continuity.check-every:PT1M}")
    void check() {
        var detected = exits.detect();
        int expired = substitutions.expire();
        int left = exits.completeDue();
        if (!detected.isEmpty() || expired > 0 || left > 0) {
            LOG.info("continuity: unannounced exits {}, substitutions moved on {}, announced exits completed {}", detected, expired, left);
        }
    }

    @Scheduled(fixedDelayString = "${hanse.continuity.backup-refresh:PT1H}", initialDelayString = "${hanse.continuity.backup-refresh:PT1H}")
    void refreshBackups() {
        backups.refreshAll();
    }
}
