package org.hanse.core.order;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Hours already committed on one resource, per date (from accepted orders' reservations). */
public record ResourceLoad(Map<LocalDate, Double> committedHours) {

    public static final ResourceLoad EMPTY = new ResourceLoad(Map.of());

    public ResourceLoad {
        committedHours = Map.copyOf(committedHours);
    }

    public double on(LocalDate date) {
        return committedHours.getOrDefault(date, 0.0);
    }

    /** This load plus the given allocation. */
    public ResourceLoad plus(Map<LocalDate, Double> allocation) {
        Map<LocalDate, Double> sum = new TreeMap<>(committedHours);
        allocation.forEach((d, h) -> sum.merge(d, h, Double::sum));
        return new ResourceLoad(sum);
    }
}
