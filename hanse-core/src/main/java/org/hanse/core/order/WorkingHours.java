package org.hanse.core.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Capacity in hours between two instants (RULES 3.5). A working day's hours accrue evenly over that day in the node's
 * time zone, so the window [decision instant, latest finish] counts only the part of today still ahead and the part of
 * the LF day before LF — not whole days. A date's committed hours are taken off in the same proportion.
 */
public final class WorkingHours {

    private static final double EPS = 1e-9;

    private WorkingHours() {
    }

    /** The calendar's local date of an instant. */
    public static LocalDate date(WorkingCalendar calendar, Instant instant) {
        return LocalDate.ofInstant(instant, calendar.zone());
    }

    /** The share in [0, 1] of local date {@code d} that lies inside [from, to] (23- and 25-hour days included). */
    public static double share(WorkingCalendar calendar, LocalDate d, Instant from, Instant to) {
        Instant start = d.atStartOfDay(calendar.zone()).toInstant();
        Instant end = d.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        Instant a = from.isAfter(start) ? from : start;
        Instant b = to.isBefore(end) ? to : end;
        return b.isAfter(a) ? seconds(a, b) / seconds(start, end) : 0;
    }

    /** Free hours in [from, to]: per working day, its share of (hours per day − committed), never below zero. */
    public static double free(ProductionResource resource, WorkingCalendar calendar, ResourceLoad load, Instant from, Instant to) {
        double free = 0;
        for (LocalDate d = date(calendar, from); !d.isAfter(date(calendar, to)); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                free += share(calendar, d, from, to) * Math.max(0, resource.hoursPerDay() - load.on(d));
            }
        }
        return free;
    }

    /** Working hours in [from, to]. */
    public static double total(ProductionResource resource, WorkingCalendar calendar, Instant from, Instant to) {
        return free(resource, calendar, ResourceLoad.EMPTY, from, to);
    }

    /** Committed hours in [from, to], in each working day's share. */
    public static double committed(WorkingCalendar calendar, ResourceLoad load, Instant from, Instant to) {
        double committed = 0;
        for (LocalDate d = date(calendar, from); !d.isAfter(date(calendar, to)); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                committed += share(calendar, d, from, to) * load.on(d);
            }
        }
        return committed;
    }

    /** The instant by which {@code hours} of free capacity have accrued since {@code from} (within the horizon). */
    public static Optional<Instant> earliestFinish(ProductionResource resource, WorkingCalendar calendar, ResourceLoad load,
                                                   Instant from, double hours) {
        if (hours <= EPS) {
            return Optional.of(from);
        }
        double accrued = 0;
        LocalDate d = date(calendar, from);
        for (int i = 0; i < CapacityWindow.HORIZON_DAYS; i++, d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            Instant dayStart = d.atStartOfDay(calendar.zone()).toInstant();
            Instant start = from.isAfter(dayStart) ? from : dayStart;
            Instant end = d.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
            double perSecond = Math.max(0, resource.hoursPerDay() - load.on(d)) / seconds(dayStart, end);
            double here = perSecond * seconds(start, end);
            if (perSecond > 0 && accrued + here + EPS >= hours) {
                long nanos = Math.round(Math.max(0, hours - accrued) / perSecond * 1e9);
                Instant finish = start.plusNanos(nanos);
                return Optional.of(finish.isAfter(end) ? end : finish);
            }
            accrued += here;
        }
        return Optional.empty();
    }

    /**
     * Reserves {@code hours} backward from the date of {@code latestFinish} towards that of {@code from} (just in time),
     * each date giving its free hours within the window. Whatever does not fit (a forced accept) goes on the last date.
     */
    public static Map<LocalDate, Double> allocateBackward(ProductionResource resource, WorkingCalendar calendar, ResourceLoad load,
                                                          Instant from, Instant latestFinish, double hours) {
        Map<LocalDate, Double> allocation = new LinkedHashMap<>();
        LocalDate first = date(calendar, from);
        LocalDate last = latestFinish.isAfter(from) ? date(calendar, latestFinish) : first;
        double left = hours;
        for (LocalDate d = last; !d.isBefore(first) && left > EPS; d = d.minusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            double take = Math.min(left, share(calendar, d, from, latestFinish) * Math.max(0, resource.hoursPerDay() - load.on(d)));
            if (take > EPS) {
                allocation.put(d, take);
                left -= take;
            }
        }
        if (left > EPS) {
            allocation.merge(last, left, Double::sum);
        }
        return allocation;
    }

    private static double seconds(Instant a, Instant b) {
        Duration d = Duration.between(a, b);
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
