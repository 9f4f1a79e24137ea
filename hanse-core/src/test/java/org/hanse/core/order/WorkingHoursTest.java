package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    static final ProductionResource LINE = new ProductionResource("line-1", 8);
    static final String BOARD = OrderRuleTest.BOARD;

    @Test
    void atElevenAtNightOnlyTheLastHourOfTodayCounts() {
        // Monday 30 Nov 23:00 to Wednesday 2 Dec 12:00 on weekdays: 1/24 × 8 + 8 + 12/24 × 8 = 1/3 + 8 + 4 h
        // (whole days counted 3 × 8 = 24 h).
        Instant now = Instant.parse("2026-11-30T23:00:00Z");
        Instant lf = Instant.parse("2026-12-02T12:00:00Z");
        assertThat(WorkingHours.total(LINE, WorkingCalendar.WEEKDAYS, now, lf)).isCloseTo(12 + 1.0 / 3, within(1e-9));
        // Tuesday has 5 h committed: 1/3 + 3 + 4.
        ResourceLoad load = new ResourceLoad(Map.of(LocalDate.parse("2026-12-01"), 5.0));
        assertThat(WorkingHours.free(LINE, WorkingCalendar.WEEKDAYS, load, now, lf)).isCloseTo(7 + 1.0 / 3, within(1e-9));
        assertThat(WorkingHours.committed(WorkingCalendar.WEEKDAYS, load, now, lf)).isCloseTo(5, within(1e-9));
        // 10 h: 1/3 by midnight, 8 1/3 by Tuesday's end, the last 1 2/3 h at 1/3 h an hour: Wednesday 05:00.
        assertThat(WorkingHours.earliestFinish(LINE, WorkingCalendar.WEEKDAYS, ResourceLoad.EMPTY, now, 10))
                .hasValueSatisfying(t -> assertThat(t).isCloseTo(Instant.parse("2026-12-02T05:00:00Z"), within(1, ChronoUnit.MILLIS)));
    }

    @Test
    void onFridayEveningTheWeekendGivesNothing() {
        // Friday 4 Dec 18:00 to LF Monday 7 Dec 12:00: 6/24 × 8 = 2 h on Friday, none at the weekend, 12/24 × 8 = 4 h on Monday.
        Instant friday = Instant.parse("2026-12-04T18:00:00Z");
        Instant lf = Instant.parse("2026-12-07T12:00:00Z");
        assertThat(WorkingHours.free(LINE, WorkingCalendar.WEEKDAYS, ResourceLoad.EMPTY, friday, lf)).isCloseTo(6, within(1e-9));

        // 12 boards at 2 an hour after 1 h setup = 7 h, due Tuesday 12:00 with a day of transit: only 6 h by LF.
        CapacityProfile profile = new CapacityProfile(List.of(LINE), List.of(new Capability(BOARD, "line-1", 2, Duration.ofHours(1))),
                5, WorkingCalendar.WEEKDAYS, List.of());
        DeliveryWindow window = new DeliveryWindow(Instant.parse("2026-12-07T12:00:00Z"), Instant.parse("2026-12-08T12:00:00Z"));
        OrderDecision d = OrderRule.decide(new OrderRule.Request(List.of(new OrderLine(BOARD, 12)), window, Batch.ANY, Priority.NORMAL,
                Duration.ofDays(1)), profile, Map.of(), 0, friday, 0.6);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        // (6 − 1) h × 2 = 10 boards by the due date.
        assertThat(d.feasibleQuantityByDue().get(BOARD)).isCloseTo(10, within(1e-6));
        // 2 h on Friday, the other 5 h by Monday 15:00; delivered Tuesday 15:00, proposed as a window of the asked day.
        assertThat(d.earliestFeasibleDelivery()).isCloseTo(Instant.parse("2026-12-08T15:00:00Z"), within(1, ChronoUnit.MILLIS));
        assertThat(d.proposedWindow().due()).isEqualTo(d.earliestFeasibleDelivery());
        assertThat(Duration.between(d.proposedWindow().earliest(), d.proposedWindow().due())).isEqualTo(Duration.ofDays(1));
        // An accepted order reserves backward within [now, LF]: Monday's 4 h first, then Friday's 2 h.
        OrderDecision small = OrderRule.decide(new OrderRule.Request(List.of(new OrderLine(BOARD, 10)), window, Batch.ANY,
                Priority.NORMAL, Duration.ofDays(1)), profile, Map.of(), 0, friday, 0.6);
        assertThat(small.outcome().accepted()).isTrue();
        Map<LocalDate, Double> reserved = OrderRule.reserve(small, profile, Map.of(), friday).get("line-1");
        assertThat(reserved.get(LocalDate.parse("2026-12-07"))).isCloseTo(4, within(1e-9));
        assertThat(reserved.get(LocalDate.parse("2026-12-04"))).isCloseTo(2, within(1e-9));
    }

    @Test
    void theCalendarsTimeZoneDecidesWhichDayIsOff() {
        // Monday 30 Nov 23:30 UTC is already Tuesday 00:30 in Berlin; Tuesday 1 Dec is a holiday there.
        Instant now = Instant.parse("2026-11-30T23:30:00Z");
        Instant lf = Instant.parse("2026-12-01T22:00:00Z");
        Set<LocalDate> holiday = Set.of(LocalDate.parse("2026-12-01"));
        WorkingCalendar berlin = new WorkingCalendar(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holiday, ZoneId.of("Europe/Berlin"));
        WorkingCalendar utc = new WorkingCalendar(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holiday);
        assertThat(WorkingHours.free(LINE, berlin, ResourceLoad.EMPTY, now, lf)).isZero();
        // On UTC dates the last half hour of Monday still counts: 0.5 / 24 × 8.
        assertThat(WorkingHours.free(LINE, utc, ResourceLoad.EMPTY, now, lf)).isCloseTo(1.0 / 6, within(1e-9));
    }
}
