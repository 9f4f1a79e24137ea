package org.hanse.core.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may be a backup at all (downstream competitors never) and what an empty declaration is worth (nothing). */
class BackupCandidatesTest {

    static final String CHIPBOARD = "chipboard";
    static final String SIDEBOARD = "sideboard";
    static final String SCREWS = "screws";

    /** owl → loehne (chipboard); loehne → nord, rhein (sideboards); nord → berlin, hannover; rhein → koeln; koeln returns goods to loehne. */
    static final List<Downstream.Supply> NETWORK = List.of(
            new Downstream.Supply("loehne", "owl", List.of(CHIPBOARD)),
            new Downstream.Supply("kiel-moebel", "owl", List.of(CHIPBOARD)),
            new Downstream.Supply("screw-user", "owl", List.of(SCREWS)),
            new Downstream.Supply("nord", "loehne", List.of(SIDEBOARD)),
            new Downstream.Supply("rhein", "loehne", List.of(SIDEBOARD, "shelf")),
            new Downstream.Supply("berlin", "nord", List.of(SIDEBOARD)),
            new Downstream.Supply("hannover", "nord", List.of(SIDEBOARD)),
            new Downstream.Supply("koeln", "rhein", List.of("shelf")),
            new Downstream.Supply("loehne", "koeln", List.of("returns")));

    @Test
    void retailersAndTheOtherDistributorOfTheManufacturerAreDownstreamOfIt() {
        // rhein buys sideboards from loehne like nord does; berlin, hannover and koeln buy from those two; the cycle
        // koeln → loehne leads back to the supplier itself and stops there.
        assertThat(Downstream.of(NETWORK, "loehne", "nord", SIDEBOARD))
                .containsExactlyInAnyOrder("nord", "rhein", "berlin", "hannover", "koeln", "loehne");
    }

    @Test
    void aDistributorOfAnotherBranchIsNoCompetitorOfTheRetailer() {
        // Berlin's sideboards come from nord: only hannover shares that source; rhein and koeln take theirs from loehne directly.
        assertThat(Downstream.of(NETWORK, "nord", "berlin", SIDEBOARD)).containsExactlyInAnyOrder("berlin", "hannover");
    }

    @Test
    void productsMadeFromTheMaterialCountButOtherMaterialsOfTheSupplierDoNot() {
        // Whoever buys chipboard from owl, and everyone buying from them (sideboards are made of chipboard), is downstream;
        // screw-user buys only screws from owl and may still make chipboard.
        assertThat(Downstream.of(NETWORK, "owl", "loehne", CHIPBOARD))
                .containsExactlyInAnyOrder("loehne", "kiel-moebel", "nord", "rhein", "berlin", "hannover", "koeln")
                .doesNotContain("screw-user", "owl");
        // Without any link the buyer alone is downstream.
        assertThat(Downstream.of(List.of(), "owl", "loehne", CHIPBOARD)).containsExactly("loehne");
    }

    @Test
    void emptyDeclarationsAreUnknownNotAMatch() {
        BackupScore.Capability empty = new BackupScore.Capability(Set.of(), Map.of());
        assertThat(BackupScore.jaccard(Set.of(), Set.of())).isZero();
        assertThat(BackupScore.rangeOverlap(Map.of(), Map.of("width-mm", new BackupScore.Range(0, 100)))).isZero();
        assertThat(BackupScore.similarity(empty, empty)).isZero();
        // Declared by the candidate only: nothing of the original to match, Jaccard({}, {saw}) = 0.
        assertThat(BackupScore.similarity(empty, new BackupScore.Capability(Set.of("saw"), Map.of()))).isZero();
        // The original declares equipment only: the equipment part alone counts, Jaccard({saw, edge}, {saw}) = 1/2.
        assertThat(BackupScore.similarity(new BackupScore.Capability(Set.of("saw", "edge"), Map.of()),
                new BackupScore.Capability(Set.of("saw"), Map.of()))).isEqualTo(0.5);
        // Ranges only: the candidate covers [0, 25] of the original's [0, 100] → 1/4.
        assertThat(BackupScore.similarity(new BackupScore.Capability(Set.of(), Map.of("width-mm", new BackupScore.Range(0, 100))),
                new BackupScore.Capability(Set.of(), Map.of("width-mm", new BackupScore.Range(0, 25))))).isEqualTo(0.25);
        // Both parts known: ½ · 1/2 + ½ · 1/4 = 3/8.
        assertThat(BackupScore.similarity(new BackupScore.Capability(Set.of("saw", "edge"), Map.of("width-mm", new BackupScore.Range(0, 100))),
                new BackupScore.Capability(Set.of("saw"), Map.of("width-mm", new BackupScore.Range(0, 25))))).isEqualTo(0.375);
        // Two nodes that declare nothing: similarity 0 (was 1), not viable, δ = 0.5.
        double sim = BackupScore.similarity(empty, empty);
        assertThat(BackupScore.rank(List.of(BackupScore.score("blank", sim, 1)))).isEmpty();
        assertThat(BackupScore.delta(sim)).isEqualTo(0.5);
    }
}
