package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class OrderRuleProperties {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    static final CapacityProfile PROFILE = new CapacityProfile(List.of(new ProductionResource("r", 8)),
            List.of(new Capability("M", "r", 3, Duration.ofMinutes(30))), 50, WorkingCalendar.WEEKDAYS, List.of());

    static OrderRule.Request request(double quantity, int days) {
        return new OrderRule.Request(List.of(new OrderLine("M", quantity)),
                new DeliveryWindow(NOW, NOW.plus(Duration.ofDays(days))), Batch.ANY, Priority.NORMAL, Duration.ofHours(12));
    }

    @Property
    void reservationsOfAcceptedOrdersStayWithinDailyCapacity(@ForAll @DoubleRange(min = 1, max = 60) double quantity,
                                                             @ForAll @IntRange(min = 1, max = 20) int days,
                                                             @ForAll @IntRange(min = 1, max = 6) int orders) {
        ResourceLoad load = ResourceLoad.EMPTY;
        for (int i = 0; i < orders; i++) {
            Map<String, ResourceLoad> loads = Map.of("r", load);
            OrderDecision d = OrderRule.decide(request(quantity, days), PROFILE, loads, 0, NOW, 0.6);
            if (d.outcome().accepted()) {
                Map<LocalDate, Double> allocation = OrderRule.reserve(d, PROFILE, loads, NOW).get("r");
                assertThat(allocation.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(d.resources().get(0).hoursNeeded(),
                        org.assertj.core.api.Assertions.within(1e-6));
                load = load.plus(allocation);
            }
        }
        for (double hours : load.committedHours().values()) {
            assertThat(hours).isLessThanOrEqualTo(8 + 1e-6);
        }
    }

    @Property
    void moreCommittedLoadNeverTurnsARejectionIntoAnAcceptance(@ForAll @DoubleRange(min = 1, max = 200) double quantity,
                                                               @ForAll @IntRange(min = 1, max = 20) int days,
                                                               @ForAll @DoubleRange(min = 0, max = 8) double extra) {
        Map<String, ResourceLoad> light = Map.of("r", ResourceLoad.EMPTY);
        Map<String, ResourceLoad> heavy = Map.of("r", new ResourceLoad(Map.of(LocalDate.parse("2026-12-01"), extra)));
        boolean lightAccepts = OrderRule.decide(request(quantity, days), PROFILE, light, 0, NOW, 0.6).outcome().accepted();
        boolean heavyAccepts = OrderRule.decide(request(quantity, days), PROFILE, heavy, 0, NOW, 0.6).outcome().accepted();
        assertThat(!lightAccepts && heavyAccepts).isFalse();
    }

    @Property
    void aRejectionsProposedWindowIsFeasible(@ForAll @DoubleRange(min = 1, max = 200) double quantity,
                                            @ForAll @IntRange(min = 1, max = 20) int days) {
        OrderDecision d = OrderRule.decide(request(quantity, days), PROFILE, Map.of(), 0, NOW, 0.6);
        if (!d.outcome().accepted() && d.proposedWindow() != null) {
            OrderRule.Request again = new OrderRule.Request(request(quantity, days).lines(), d.proposedWindow(), Batch.ANY,
                    Priority.NORMAL, Duration.ofHours(12));
            assertThat(OrderRule.decide(again, PROFILE, Map.of(), 0, NOW, 0.6).outcome().accepted()).isTrue();
        }
    }
}
