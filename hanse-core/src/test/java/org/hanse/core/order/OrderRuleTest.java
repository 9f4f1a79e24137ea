package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderRuleTest {

    static final String BOARD = "06901234000122";
    // Monday 30 Nov 2026, 08:00 UTC; Thursday 3 Dec is a holiday.
    static final Instant MONDAY_8 = Instant.parse("2026-11-30T08:00:00Z");
    static final WorkingCalendar CALENDAR = new WorkingCalendar(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Set.of(LocalDate.parse("2026-12-03")));
    static final ProductionResource LINE = new ProductionResource("line-1", 8);
    static final CapacityProfile PROFILE = new CapacityProfile(List.of(LINE),
            List.of(new Capability(BOARD, "line-1", 2, Duration.ofHours(1))), 5, CALENDAR, List.of());
    // Tuesday 5 h and Wednesday 8 h already committed.
    static final Map<String, ResourceLoad> LOAD = Map.of("line-1", new ResourceLoad(Map.of(
            LocalDate.parse("2026-12-01"), 5.0, LocalDate.parse("2026-12-02"), 8.0)));
    static final DeliveryWindow WINDOW = new DeliveryWindow(Instant.parse("2026-12-02T12:00:00Z"), Instant.parse("2026-12-04T12:00:00Z"));

    static OrderRule.Request request(double quantity, Priority priority) {
        return new OrderRule.Request(List.of(new OrderLine(BOARD, quantity)), WINDOW, new Batch(10, 5), priority, Duration.ofDays(1));
    }

    @Test
    void urgencyOfAnOrderLongerThanNanosecondsCanCountStaysFinite() {
        // 1e308 pieces at 2 per hour: production saturates at Long.MAX_VALUE ns (about 2.56e9 h); with the transit it is
        // beyond what Duration.toNanos() can hold, which used to throw "long overflow".
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Duration huge = Duration.ofNanos(Long.MAX_VALUE).plus(Duration.ofDays(1));
        double hours = Long.MAX_VALUE / 3.6e12 + 24;
        assertThat(UrgencyIndex.of(Priority.NORMAL, huge, now, now.plus(Duration.ofHours(10)))).isCloseTo(hours / 10, within(1e-3));
        OrderDecision d = OrderRule.decide(request(1e308, Priority.NORMAL), PROFILE, LOAD, 0, MONDAY_8, 0.6);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void urgencyIndexWorkedByHand() {
        // R = 10 h production + 24 h transit = 34 h; D − now = 68 h.
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Instant due = now.plus(Duration.ofHours(68));
        assertThat(UrgencyIndex.of(Priority.NORMAL, Duration.ofHours(34), now, due)).isCloseTo(0.5, within(1e-12));
        assertThat(UrgencyIndex.of(Priority.HIGH, Duration.ofHours(34), now, due)).isCloseTo(0.75, within(1e-12));
        // Overdue: D − now is floored at ε = 1 minute.
        assertThat(UrgencyIndex.of(Priority.NORMAL, Duration.ofHours(1), now, now.minusSeconds(60))).isCloseTo(60, within(1e-9));
    }

    @Test
    void capacityWindowCountsWorkingDaysCommittedLoadAndTheCalendar() {
        LocalDate monday = LocalDate.parse("2026-11-30");
        LocalDate thursday = LocalDate.parse("2026-12-03");
        // Mon, Tue, Wed work (Thu is a holiday): 3 × 8 h = 24 h; committed 5 + 8 = 13 h; free 8 + 3 + 0 = 11 h.
        assertThat(CapacityWindow.totalHours(LINE, CALENDAR, monday, thursday)).isEqualTo(24);
        assertThat(CapacityWindow.committedHours(LOAD.get("line-1"), CALENDAR, monday, thursday)).isEqualTo(13);
        assertThat(CapacityWindow.freeHours(LINE, CALENDAR, LOAD.get("line-1"), monday, thursday)).isEqualTo(11);
        // 16 h accumulate only on Friday: Mon 8, Tue 3, Wed 0, Thu off, Fri 8.
        assertThat(CapacityWindow.earliestFinishDate(LINE, CALENDAR, LOAD.get("line-1"), monday, 16)).contains(LocalDate.parse("2026-12-04"));
    }

    @Test
    void sufficientCapacityAndLowUrgencyIsRoutine() {
        // 20 boards: 1 h setup + 20 / 2 = 11 h, exactly the 11 h free; R = 11 + 24 = 35 h; D − now = 100 h: U = 0.35.
        OrderDecision d = OrderRule.decide(request(20, Priority.NORMAL), PROFILE, LOAD, 3, MONDAY_8, 0.6);
        assertThat(d.outcome()).isEqualTo(Outcome.ACCEPTED_ROUTINE);
        assertThat(d.urgency()).isCloseTo(0.35, within(1e-12));
        assertThat(d.required()).isEqualTo(Duration.ofHours(35));
        assertThat(d.latestFinish()).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(d.resources().get(0).hoursNeeded()).isEqualTo(11);
        assertThat(d.occupancy()).isCloseTo(13.0 / 24, within(1e-12));
    }

    @Test
    void insufficientCapacityIsRejectedWithConstraintsAndAProposedWindow() {
        // 30 boards need 1 + 15 = 16 h, only 11 h are free by LF.
        OrderDecision d = OrderRule.decide(request(30, Priority.NORMAL), PROFILE, LOAD, 3, MONDAY_8, 0.6);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        // (11 − 1 setup) h × 2 per hour = 20 boards, a multiple of 5 and at least 10.
        assertThat(d.feasibleQuantityByDue()).containsEntry(BOARD, 20.0);
        // Finished at the end of Friday 4 Dec, delivered one day of transit later.
        assertThat(d.earliestFeasibleDelivery()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        // Same two-day width as the order's window.
        assertThat(d.proposedWindow()).isEqualTo(new DeliveryWindow(Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-06T00:00:00Z")));
        assertThat(d.occupancy()).isCloseTo(13.0 / 24, within(1e-12));
        assertThat(d.reasons()).containsExactly("capacity: not enough free hours before the latest finish 2026-12-03T12:00:00Z");
    }

    @Test
    void fullWipIsRejectedEvenWithFreeCapacity() {
        OrderDecision d = OrderRule.decide(request(2, Priority.NORMAL), PROFILE, LOAD, 5, MONDAY_8, 0.6);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.reasons()).containsExactly("wip: 5 open orders, limit 5");
        assertThat(d.feasibleQuantityByDue()).containsEntry(BOARD, 0.0);
    }

    @Test
    void decisionAtAndAroundTheUrgencyThreshold() {
        // Always-open resource of 24 h, 1 unit/h, no setup, no transit: 6 units → R = 6 h.
        CapacityProfile open = new CapacityProfile(List.of(new ProductionResource("r", 24)),
                List.of(new Capability(BOARD, "r", 1, Duration.ZERO)), 10, WorkingCalendar.ALWAYS, List.of());
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(outcome(open, now, now.plus(Duration.ofHours(10)), Priority.NORMAL)).isEqualTo(Outcome.ACCEPTED_COLLABORATIVE); // U = 0.6
        assertThat(outcome(open, now, now.plus(Duration.ofMinutes(601)), Priority.NORMAL)).isEqualTo(Outcome.ACCEPTED_ROUTINE); // U = 0.5990
        assertThat(outcome(open, now, now.plus(Duration.ofMinutes(599)), Priority.NORMAL)).isEqualTo(Outcome.ACCEPTED_COLLABORATIVE); // U = 0.6010
        assertThat(outcome(open, now, now.plus(Duration.ofHours(15)), Priority.HIGH)).isEqualTo(Outcome.ACCEPTED_COLLABORATIVE); // 1.5 × 6 / 15 = 0.6
        assertThat(outcome(open, now, now.plus(Duration.ofHours(15)), Priority.NORMAL)).isEqualTo(Outcome.ACCEPTED_ROUTINE); // 0.4
    }

    private static Outcome outcome(CapacityProfile profile, Instant now, Instant due, Priority priority) {
        OrderRule.Request r = new OrderRule.Request(List.of(new OrderLine(BOARD, 6)), new DeliveryWindow(now, due), Batch.ANY, priority, Duration.ZERO);
        return OrderRule.decide(r, profile, Map.of(), 0, now, OrderRule.DEFAULT_THETA_U).outcome();
    }

    @Test
    void acceptedOrderReservesBackwardFromItsLatestFinish() {
        OrderDecision d = OrderRule.decide(request(20, Priority.NORMAL), PROFILE, LOAD, 3, MONDAY_8, 0.6);
        // 11 h: Thursday is off, Wednesday full, so 3 h on Tuesday and 8 h on Monday.
        assertThat(OrderRule.reserve(d, PROFILE, LOAD, MONDAY_8)).isEqualTo(Map.of("line-1",
                Map.of(LocalDate.parse("2026-12-01"), 3.0, LocalDate.parse("2026-11-30"), 8.0)));
    }

    @Test
    void lotRulesRoundDown() {
        assertThat(new Batch(10, 5).roundDown(23)).isEqualTo(20);
        assertThat(new Batch(10, 5).roundDown(9.9)).isEqualTo(0);
        assertThat(Batch.ANY.roundDown(7.5)).isCloseTo(7.5, within(1e-6));
    }
}
