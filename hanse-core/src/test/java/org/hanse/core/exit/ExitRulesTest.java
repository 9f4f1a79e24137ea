package org.hanse.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.core.node.ResponseTimeout;
import org.junit.jupiter.api.Test;

class ExitRulesTest {

    static final Instant EXIT = Instant.parse("2027-01-31T00:00:00Z");

    @Test
    void plannedAtExactlyThreeCyclesUnplannedJustUnder() {
        // Mean order interval 7 days: 21 days ahead is planned, a second less is not.
        assertThat(ExitRule.classify(EXIT.minus(Duration.ofDays(21)), EXIT, Duration.ofDays(7))).isEqualTo(ExitRule.Kind.PLANNED);
        assertThat(ExitRule.classify(EXIT.minus(Duration.ofDays(21)).plusSeconds(1), EXIT, Duration.ofDays(7))).isEqualTo(ExitRule.Kind.UNPLANNED);
        // A pair ordering every 2 days needs only 6 days' notice.
        assertThat(ExitRule.classify(EXIT.minus(Duration.ofDays(6)), EXIT, Duration.ofDays(2))).isEqualTo(ExitRule.Kind.PLANNED);
        assertThat(ExitRule.classify(EXIT.minus(Duration.ofDays(20)), EXIT, null)).isEqualTo(ExitRule.Kind.UNPLANNED);
    }

    @Test
    void silenceAloneIsNotAnExitAMissedDeliveryWithItIs() {
        ResponseTimeout timeout = new ResponseTimeout(Duration.ofHours(4), 2); // 12 h of silence
        Instant heard = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(ExitRule.unannouncedExit(heard, heard.plus(Duration.ofHours(13)), timeout, false)).isFalse();
        assertThat(ExitRule.unannouncedExit(heard, heard.plus(Duration.ofHours(12)), timeout, true)).isFalse();
        assertThat(ExitRule.unannouncedExit(heard, heard.plus(Duration.ofHours(12)).plusSeconds(1), timeout, true)).isTrue();
    }

    @Test
    void similarityProximityScoreAndDelta() {
        BackupScore.Capability original = new BackupScore.Capability(Set.of("HOMAG-KAL-310", "BIESSE-ROVER-A"),
                Map.of("max-width-mm", new BackupScore.Range(0, 1200), "thickness-mm", new BackupScore.Range(8, 40)));
        BackupScore.Capability candidate = new BackupScore.Capability(Set.of("HOMAG-KAL-310", "SCM-OLIMPIC"),
                Map.of("max-width-mm", new BackupScore.Range(0, 900), "thickness-mm", new BackupScore.Range(10, 50)));
        // Jaccard 1/3; ranges: 900/1200 = 0.75 and 30/32 = 0.9375 → mean 0.84375; similarity = 0.5 · 0.3333 + 0.5 · 0.84375 = 0.588542
        assertThat(BackupScore.jaccard(original.equipment(), candidate.equipment())).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(BackupScore.rangeOverlap(original.parameters(), candidate.parameters())).isCloseTo(0.84375, within(1e-12));
        double sim = BackupScore.similarity(original, candidate);
        assertThat(sim).isCloseTo(0.588542, within(1e-6));
        // 40 extra per shipment against a reference of 200: proximity = 1 / 1.2 = 0.833333
        double prox = BackupScore.proximity(40, 200);
        assertThat(prox).isCloseTo(0.833333, within(1e-6));
        // score = 0.6 · 0.588542 + 0.4 · 0.833333 = 0.686458
        assertThat(BackupScore.score("b", sim, prox).score()).isCloseTo(0.686458, within(1e-6));
        // δ = 0.5 + 0.5 · 0.588542 = 0.794271; old trust 1.1 → 0.873698
        assertThat(BackupScore.delta(sim)).isCloseTo(0.794271, within(1e-6));
        assertThat(BackupScore.initialTrust(1.1, sim)).isCloseTo(0.873698, within(1e-6));
        assertThat(BackupScore.proximity(-10, 200)).isEqualTo(1);
    }

    @Test
    void rankingDropsTheNonViableAndFlagsAShortList() {
        List<BackupScore.Candidate> ranked = BackupScore.rank(List.of(
                BackupScore.score("c", 0.5, 0.5), BackupScore.score("a", 0.9, 0.2), BackupScore.score("z", 0, 1),
                BackupScore.score("b", 0.5, 0.5)));
        // a: 0.54 + 0.08 = 0.62; b, c: 0.5 (tie → by id); z has no similarity.
        assertThat(ranked).extracting(BackupScore.Candidate::node).containsExactly("a", "b", "c");
        assertThat(BackupScore.listShort(ranked)).isFalse();
        assertThat(BackupScore.listShort(BackupScore.rank(List.of(BackupScore.score("a", 0.9, 0.2), BackupScore.score("z", 0, 1))))).isTrue();
    }
}
