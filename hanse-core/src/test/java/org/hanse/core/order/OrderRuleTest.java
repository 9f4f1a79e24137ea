package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

    // From Monday 08:00 to LF Thursday 12:00 (a holiday): Monday's remaining 16 of 24 hours give 2/3 × 8 = 5 1/3 h,
    // Tuesday 8 − 5 = 3 h, Wednesday 8 − 8 = 0 h: 8 1/3 h free of 5 1/3 + 8 + 8 = 21 1/3 h, 13 h committed.
    static final double FREE = 8 + 1.0 / 3;
    static final double TOTAL = 21 + 1.0 / 3;

    @Test
    void sufficientCapacityAndLowUrgencyIsRoutine() {
        // 14 boards: 1 h setup + 14 / 2 = 8 h of the 8 1/3 h free; R = 8 + 24 = 32 h; D − now = 100 h: U = 0.32.
        OrderDecision d = OrderRule.decide(request(14, Priority.NORMAL), PROFILE, LOAD, 3, MONDAY_8, 0.6);
        assertThat(d.outcome()).isEqualTo(Outcome.ACCEPTED_ROUTINE);
        assertThat(d.urgency()).isCloseTo(0.32, within(1e-12));
        assertThat(d.required()).isEqualTo(Duration.ofHours(32));
        assertThat(d.latestFinish()).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(d.resources().get(0).hoursNeeded()).isEqualTo(8);
        assertThat(d.resources().get(0).freeHours()).isCloseTo(FREE, within(1e-9));
        assertThat(d.resources().get(0).totalHours()).isCloseTo(TOTAL, within(1e-9));
        assertThat(d.occupancy()).isCloseTo(13 / TOTAL, within(1e-12));
    }

    @Test
    void insufficientCapacityIsRejectedWithConstraintsAndAProposedWindow() {
        // 30 boards need 1 + 15 = 16 h, only 8 1/3 h are free by LF.
        OrderDecision d = OrderRule.decide(request(30, Priority.NORMAL), PROFILE, LOAD, 3, MONDAY_8, 0.6);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        // (8 1/3 − 1 setup) h × 2 per hour = 14.67 boards: 10 in the batch rule (multiples of 5, at least 10).
        assertThat(d.feasibleQuantityByDue()).containsEntry(BOARD, 10.0);
        // 8 1/3 h by the end of Tuesday, none Wednesday or Thursday; the missing 7 2/3 h accrue at 8/24 h an hour on
        // Friday: 23 h, so finished Friday 23:00 and delivered after one day of transit.
        assertThat(d.earliestFeasibleDelivery()).isCloseTo(Instant.parse("2026-12-05T23:00:00Z"), within(1, ChronoUnit.MILLIS));
        // Same two-day width as the order's window.
        assertThat(d.proposedWindow().due()).isCloseTo(Instant.parse("2026-12-05T23:00:00Z"), within(1, ChronoUnit.MILLIS));
        assertThat(Duration.between(d.proposedWindow().earliest(), d.proposedWindow().due())).isEqualTo(Duration.ofDays(2));
        assertThat(d.occupancy()).isCloseTo(13 / TOTAL, within(1e-12));
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
        OrderDecision d = OrderRule.decide(request(14, Priority.NORMAL), PROFILE, LOAD, 3, MONDAY_8, 0.6);
        // 8 h: Thursday is off, Wednesday full, so 3 h on Tuesday and the other 5 h in what is left of Monday.
        Map<LocalDate, Double> reserved = OrderRule.reserve(d, PROFILE, LOAD, MONDAY_8).get("line-1");
        assertThat(reserved).containsOnlyKeys(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-11-30"));
        assertThat(reserved.get(LocalDate.parse("2026-12-01"))).isCloseTo(3.0, within(1e-9));
        assertThat(reserved.get(LocalDate.parse("2026-11-30"))).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void lotRulesRoundDown() {
        assertThat(new Batch(10, 5).roundDown(23)).isEqualTo(20);
        assertThat(new Batch(10, 5).roundDown(9.9)).isEqualTo(0);
        assertThat(Batch.ANY.roundDown(7.5)).isCloseTo(7.5, within(1e-6));
    }
}
