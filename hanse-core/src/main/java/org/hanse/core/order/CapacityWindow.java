package org.hanse.core.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Capacity of one resource over whole working days (UTC dates): the window of an order runs from today to
 * the date of its latest finish LF = due − transit, both included.
 */
public final class CapacityWindow {

    /** How far ahead the earliest feasible finish is searched. */
    public static final int HORIZON_DAYS = 366;

    private CapacityWindow() {
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Total working hours of the resource in [from, to]. */
    public static double totalHours(ProductionResource resource, WorkingCalendar calendar, LocalDate from, LocalDate to) {
        double total = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                total += resource.hoursPerDay();
            }
        }
        return total;
    }

    /** Committed hours of the resource in [from, to] (only on working days; load on days off is ignored). */
    public static double committedHours(ResourceLoad load, WorkingCalendar calendar, LocalDate from, LocalDate to) {
        double committed = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                committed += load.on(d);
            }
        }
        return committed;
    }

    /** Free hours in [from, to]: per working day, hours per day minus what is committed (never below zero). */
    public static double freeHours(ProductionResource resource, WorkingCalendar calendar, ResourceLoad load,
                                   LocalDate from, LocalDate to) {
        double free = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                free += Math.max(0, resource.hoursPerDay() - load.on(d));
            }
        }
        return free;
    }

    /** The first date by whose end {@code hours} of free capacity have accumulated since {@code from}. */
    public static Optional<LocalDate> earliestFinishDate(ProductionResource resource, WorkingCalendar calendar,
                                                         ResourceLoad load, LocalDate from, double hours) {
        double free = 0;
        LocalDate d = from;
        for (int i = 0; i < HORIZON_DAYS; i++, d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                free += Math.max(0, resource.hoursPerDay() - load.on(d));
            }
            if (free >= hours - 1e-9) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * Reserves {@code hours} backward from {@code last} towards {@code first} (just in time: early capacity stays
     * free for urgent orders). Returns hours per date; the caller has checked that enough is free.
     */
    public static Map<LocalDate, Double> allocateBackward(ProductionResource resource, WorkingCalendar calendar,
                                                          ResourceLoad load, LocalDate first, LocalDate last, double hours) {
        Map<LocalDate, Double> allocation = new LinkedHashMap<>();
        double left = hours;
        for (LocalDate d = last; !d.isBefore(first) && left > 1e-9; d = d.minusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            double take = Math.min(left, Math.max(0, resource.hoursPerDay() - load.on(d)));
            if (take > 0) {
                allocation.put(d, take);
                left -= take;
            }
        }
        if (left > 1e-9) {
            // Forced (an override accepted beyond capacity): the rest goes on the last day, over capacity.
            allocation.merge(last, left, Double::sum);
        }
        return allocation;
    }
}
