package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MrpNettingTest {

    static final String SIDEBOARD = "sideboard";
    static final String CARCASS = "carcass";
    static final String HINGE = "hinge";
    static final String CHIPBOARD = "chipboard";
    static final String EDGE = "edge-banding";

    @Test
    void aTwoLevelBillIsNettedLevelByLevel() {
        // Sideboard = 1 carcass + 4 hinges; carcass = 3.2 m² chipboard + 12 m edge banding. 20 sideboards are made.
        Map<String, BillOfMaterials> boms = Map.of(
                SIDEBOARD, new BillOfMaterials(SIDEBOARD, List.of(new BillOfMaterials.Component(CARCASS, 1, "m"),
                        new BillOfMaterials.Component(HINGE, 4, "h")), Duration.ofHours(24)),
                CARCASS, new BillOfMaterials(CARCASS, List.of(new BillOfMaterials.Component(CHIPBOARD, 3.2, "s"),
                        new BillOfMaterials.Component(EDGE, 12, "e")), Duration.ofHours(8)));
        Map<String, MrpNetting.Stock> stock = Map.of(
                CARCASS, new MrpNetting.Stock(5, 2, 4, 0),
                HINGE, new MrpNetting.Stock(150, 40, 0, 50),
                CHIPBOARD, new MrpNetting.Stock(30, 10, 0, 25),
                EDGE, new MrpNetting.Stock(0, 0, 100, 0));
        List<MrpNetting.Requirement> plan = MrpNetting.explode(SIDEBOARD, 20, boms, stock);
        // Carcass: 20 − (5 − 2) − 4 on order = 13. Hinges: 80 − (150 − 40) = −30: none ordered.
        // Chipboard: 13 × 3.2 = 41.6 − (30 − 10) = 21.6, one lot of 25. Edge banding: 13 × 12 = 156 − 100 on order = 56.
        assertThat(plan).extracting(MrpNetting.Requirement::material).containsExactly(CARCASS, CHIPBOARD, EDGE, HINGE);
        assertThat(plan.get(0)).satisfies(r -> {
            assertThat(r.level()).isEqualTo(1);
            assertThat(r.gross()).isEqualTo(20);
            assertThat(r.net()).isEqualTo(13);
        });
        assertThat(plan.get(1).level()).isEqualTo(2);
        assertThat(plan.get(1).gross()).isCloseTo(41.6, within(1e-9));
        assertThat(plan.get(1).net()).isEqualTo(25);
        assertThat(plan.get(2).gross()).isEqualTo(156);
        assertThat(plan.get(2).net()).isEqualTo(56);
        assertThat(plan.get(3).gross()).isEqualTo(80);
        assertThat(plan.get(3).net()).isZero();
    }

    @Test
    void whatOneRequirementUsesIsGoneForTheNext() {
        MrpNetting.Netted first = MrpNetting.net(80, new MrpNetting.Stock(150, 40, 0, 50));
        assertThat(first.net()).isZero();
        assertThat(first.fromStock()).isEqualTo(80);
        assertThat(first.after()).isEqualTo(new MrpNetting.Stock(70, 40, 0, 50));
        // 80 − (70 − 40) = 50: exactly one lot; 30 come from stock, and nothing is left over.
        MrpNetting.Netted second = MrpNetting.net(80, first.after());
        assertThat(second.net()).isEqualTo(50);
        assertThat(second.fromStock()).isEqualTo(30);
        assertThat(second.after()).isEqualTo(new MrpNetting.Stock(40, 40, 0, 50));
    }

    @Test
    void stockBelowSafetyIsToppedUpAndLotsRoundUp() {
        // 10 − (5 − 8) − 0 = 13: the safety stock's shortfall of 3 is ordered with the requirement; nothing is taken from stock.
        MrpNetting.Netted n = MrpNetting.net(10, new MrpNetting.Stock(5, 8, 0, 0));
        assertThat(n.net()).isEqualTo(13);
        assertThat(n.fromStock()).isZero();
        assertThat(MrpNetting.roundUp(50.0000000001, 25)).isEqualTo(50);
        assertThat(MrpNetting.roundUp(50.01, 25)).isEqualTo(75);
        assertThat(MrpNetting.roundUp(7.3, 0)).isEqualTo(7.3);
    }
}
