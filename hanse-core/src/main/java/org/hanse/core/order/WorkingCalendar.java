package org.hanse.core.order;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/** Which days a node works, in its time zone (default UTC): weekly days off and holidays. */
public record WorkingCalendar(Set<DayOfWeek> weeklyDaysOff, Set<LocalDate> holidays, ZoneId zone) {

    /** Monday to Friday, no holidays. */
    public static final WorkingCalendar WEEKDAYS = new WorkingCalendar(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of());
    /** Every day a working day. */
    public static final WorkingCalendar ALWAYS = new WorkingCalendar(Set.of(), Set.of());

    public WorkingCalendar {
        weeklyDaysOff = Set.copyOf(weeklyDaysOff);
        holidays = Set.copyOf(holidays);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** A calendar on UTC dates. */
    public WorkingCalendar(Set<DayOfWeek> weeklyDaysOff, Set<LocalDate> holidays) {
        this(weeklyDaysOff, holidays, ZoneOffset.UTC);
    }

    public boolean isWorkingDay(LocalDate date) {
        return !weeklyDaysOff.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
