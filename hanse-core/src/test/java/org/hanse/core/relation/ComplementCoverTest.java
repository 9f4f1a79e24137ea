package org.hanse.core.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hanse.core.relation.Complementarity.Range;
import org.hanse.core.relation.Complementarity.Resource;
import org.junit.jupiter.api.Test;

/**
 * The leaving node mills 8 units a day (capacity 10) on widths 0–500 mm and stores 2 pallets a day: at its exit both
 * become constraints, C = 8 and C = 2, weighted 8 : 2.
 */
class ComplementCoverTest {

    static final List<Resource> LEAVING = List.of(
            new Resource("cnc-milling", Map.of("width-mm", new Range(0, 500)), 10, 8),
            new Resource("pallet-storage", Map.of(), 5, 2),
            new Resource("painting", Map.of(), 4, 0));

    @Test
    void aMillWithHalfTheLoadSpareCoversHalfTheMillingAndNothingElse() {
        // R = 10 − 6 = 4 of the 8 needed, widths 0–1000 contain 0–500: 4/8 · 1 = 0.5; storage 0; (8 · 0.5 + 2 · 0) / 10 = 0.4.
        List<Resource> mill = List.of(new Resource("cnc-milling", Map.of("width-mm", new Range(0, 1000)), 10, 6));
        assertThat(Complementarity.exitCover(LEAVING, mill)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void aNarrowMillCountsForNothingButSpareStorageCoversItsShare() {
        // Widths 0–400 do not contain 0–500: milling 0; storage R = 5 ≥ C = 2: 1; (8 · 0 + 2 · 1) / 10 = 0.2.
        List<Resource> store = List.of(new Resource("cnc-milling", Map.of("width-mm", new Range(0, 400)), 20, 0),
                new Resource("pallet-storage", Map.of(), 6, 1));
        assertThat(Complementarity.exitCover(LEAVING, store)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void theBestOfSeveralSameClassResourcesCountsAndAFullCoverIsOne() {
        List<Resource> both = List.of(new Resource("cnc-milling", Map.of("width-mm", new Range(0, 600)), 2, 0),
                new Resource("cnc-milling", Map.of("width-mm", new Range(0, 600)), 12, 2),
                new Resource("pallet-storage", Map.of(), 3, 0));
        assertThat(Complementarity.exitCover(LEAVING, both)).isEqualTo(1.0);
    }

    @Test
    void nothingLoadedOrNothingOfTheClassIsZero() {
        assertThat(Complementarity.exitCover(List.of(new Resource("painting", Map.of(), 4, 0)), LEAVING)).isZero();
        assertThat(Complementarity.exitCover(LEAVING, List.of(new Resource("welding", Map.of(), 50, 0)))).isZero();
        assertThat(Complementarity.exitCover(LEAVING, List.of())).isZero();
    }
}
