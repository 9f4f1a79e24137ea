package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.core.node.Location;
import org.hanse.core.validation.Problem;
import org.junit.jupiter.api.Test;

class CapacityProfileReaderTest {

    static final String SIDEBOARD = "4012360002019";
    static final String CHIPBOARD = "4012345000016";

    static Map<String, Object> valid() {
        return Map.of(
                "wip-max", 20,
                "calendar", Map.of("days-off", List.of("SATURDAY", "SUNDAY"), "holidays", List.of("2026-12-24")),
                "resources", List.of(Map.of("id", "assembly", "hours-per-day", 16)),
                "materials", List.of(Map.of("material", SIDEBOARD, "resource", "assembly", "rate-per-hour", 2, "setup", "PT1H")),
                "bom", List.of(Map.of("material", SIDEBOARD, "processing-time", "P2D",
                        "components", List.of(Map.of("material", CHIPBOARD, "quantity", 1.5, "supplier", "owl-spanplatten")))));
    }

    @Test
    void readsAProfile() {
        CapacityProfile p = CapacityProfileReader.read(valid(), "capacity", Set.of(SIDEBOARD, CHIPBOARD)).orElseThrow();
        assertThat(p.wipMax()).isEqualTo(20);
        assertThat(p.calendar().isWorkingDay(LocalDate.parse("2026-12-24"))).isFalse();
        assertThat(p.calendar().weeklyDaysOff()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(p.capability(SIDEBOARD).orElseThrow().hoursFor(10)).isEqualTo(6.0);
        assertThat(p.bom(SIDEBOARD).orElseThrow().processingTime()).isEqualTo(Duration.ofDays(2));
        assertThat(p.bom(SIDEBOARD).orElseThrow().components().get(0).quantityPerUnit()).isEqualTo(1.5);
    }

    @Test
    void componentOrdersWaitForApprovalUnlessTheMakerOptsIn() {
        assertThat(CapacityProfileReader.read(valid(), "capacity", Set.of(SIDEBOARD, CHIPBOARD)).orElseThrow().autoPlaceComponents()).isFalse();
        Map<String, Object> tree = new java.util.HashMap<>(valid());
        tree.put("auto-place-components", true);
        assertThat(CapacityProfileReader.read(tree, "capacity", Set.of(SIDEBOARD, CHIPBOARD)).orElseThrow().autoPlaceComponents()).isTrue();
        tree.put("auto-place-components", "yes");
        assertThat(CapacityProfileReader.read(tree, "capacity", Set.of(SIDEBOARD, CHIPBOARD)).problems()).extracting(Problem::toString)
                .containsExactly(new Problem("capacity.auto-place-components", "must be true or false").toString());
    }

    @Test
    void resourcesMayNameTheirEquipmentAndParameterRanges() {
        Map<String, Object> tree = new java.util.HashMap<>(valid());
        tree.put("resources", List.of(Map.of("id", "assembly", "hours-per-day", 16, "equipment", List.of("homag-kal-210", "festool-df"),
                "parameters", Map.of("max-width-mm", List.of(0, 1200)))));
        CapacityProfile p = CapacityProfileReader.read(tree, "capacity", Set.of(SIDEBOARD, CHIPBOARD)).orElseThrow();
        assertThat(p.resources().get(0).equipment()).containsExactlyInAnyOrder("homag-kal-210", "festool-df");
        assertThat(p.resources().get(0).parameters()).containsEntry("max-width-mm", new org.hanse.core.exit.BackupScore.Range(0, 1200));
        tree.put("resources", List.of(Map.of("id", "assembly", "hours-per-day", 16, "parameters", Map.of("max-width-mm", List.of(1200, 0), "depth", 3))));
        assertThat(CapacityProfileReader.read(tree, "capacity", Set.of(SIDEBOARD, CHIPBOARD)).problems()).extracting(Problem::toString)
                .containsExactlyInAnyOrder(new Problem("capacity.resources[0].parameters.max-width-mm", "min must not exceed max").toString(),
                        new Problem("capacity.resources[0].parameters.depth", "must be a range [min, max]").toString());
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        Map<String, Object> bad = Map.of(
                "wip-max", 0,
                "calendar", Map.of("days-off", List.of("FUNDAY"), "holidays", List.of("24.12.2026")),
                "resources", List.of(Map.of("id", "a", "hours-per-day", 25), Map.of("id", "a", "hours-per-day", 8)),
                "materials", List.of(Map.of("material", SIDEBOARD, "resource", "b", "rate-per-hour", 0, "setup", "1h")),
                "bom", List.of(Map.of("material", CHIPBOARD, "processing-time", "P2D",
                        "components", List.of(Map.of("material", "4012345000017", "quantity", -1, "supplier", "Bad Id")))));
        assertThat(CapacityProfileReader.read(bad, "capacity", Set.of(SIDEBOARD)).problems()).containsExactlyInAnyOrder(
                new Problem("capacity.wip-max", "must be a whole number from 1 to 100000"),
                new Problem("capacity.calendar.days-off[0]", "must be a day of the week such as SATURDAY"),
                new Problem("capacity.calendar.holidays[0]", "must be a date such as 2026-12-24"),
                new Problem("capacity.resources[0].hours-per-day", "must be at most 24"),
                new Problem("capacity.resources[1].id", "duplicate resource 'a'"),
                new Problem("capacity.materials[0].resource", "unknown resource 'b'"),
                new Problem("capacity.materials[0].rate-per-hour", "must be greater than 0"),
                new Problem("capacity.materials[0].setup", "must be an ISO 8601 duration such as PT4H"),
                new Problem("capacity.bom[0].material", "has no entry in materials (no resource makes it)"),
                new Problem("capacity.bom[0].components[0].material", "GTIN check digit should be 6"),
                new Problem("capacity.bom[0].components[0].quantity", "must be greater than 0"),
                new Problem("capacity.bom[0].components[0].supplier", "must be a node id"));
    }

    @Test
    void materialsMustBeMappedByTheNode() {
        assertThat(CapacityProfileReader.read(valid(), "", Set.of(SIDEBOARD)).problems())
                .containsExactly(new Problem("bom[0].components[0].material", "is not in the node's bom-mapping"));
    }

    @Test
    void transitEstimateWorkedByHand() {
        // One degree of latitude: 6371.0088 km × π / 180 = 111.195 km; × 1.3 = 144.55 km at 60 km/h = 2.41 h → 3 h + 2 h handling.
        assertThat(Transit.greatCircleKm(new Location(0, 0), new Location(1, 0))).isBetween(111.19, 111.20);
        assertThat(Transit.estimate(new Location(0, 0), new Location(1, 0))).isEqualTo(Duration.ofHours(5));
        assertThat(Transit.estimate(new Location(52, 8), new Location(52, 8))).isEqualTo(Duration.ofHours(2));
    }
}
