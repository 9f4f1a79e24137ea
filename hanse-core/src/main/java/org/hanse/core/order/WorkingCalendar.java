package org.hanse.core.order;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Which days a node works: weekly days off and holidays. Capacity is planned in whole working days (UTC dates). */
public record WorkingCalendar(Set<DayOfWeek> weeklyDaysOff, Set<LocalDate> holidays) {

    /** Monday to Friday, no holidays. */
    public static final WorkingCalendar WEEKDAYS = new WorkingCalendar(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of());
    /** Every day a working day. */
    public static final WorkingCalendar ALWAYS = new WorkingCalendar(Set.of(), Set.of());

    public WorkingCalendar {
        weeklyDaysOff = Set.copyOf(weeklyDaysOff);
        holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        return !weeklyDaysOff.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
