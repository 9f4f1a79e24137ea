package org.hanse.core.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trigger-response rule (RULES 3.5). R = Σ(setup + quantity / rate) + transit; U = w · R / max(ε, D − now);
 * capacity is sufficient iff every resource has the hours free in [now, LF = D − transit] (WorkingHours) and WIP stays
 * within its limit; then U ≥ θ_U → ACCEPTED_COLLABORATIVE, else ACCEPTED_ROUTINE; otherwise REJECTED.
 */
public final class OrderRule {

    /** θ_U: default urgency threshold for collaborative acceptance. */
    public static final double DEFAULT_THETA_U = org.hanse.core.parameters.NetworkParameters.DEFAULTS.ordering().thetaU();

    private OrderRule() {
    }

    /** What the supplier is asked. */
    public record Request(List<OrderLine> lines, DeliveryWindow window, Batch batch, Priority priority, Duration transit) {
        public Request {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Decides an order at {@code now} against the supplier's profile, its committed load per resource and its
     * current WIP (open accepted orders). Every line's material must have a capability in the profile.
     */
    public static OrderDecision decide(Request request, CapacityProfile profile, Map<String, ResourceLoad> loads,
                                       int wip, Instant now, double thetaU) {
        Map<String, Double> hoursByResource = new LinkedHashMap<>();
        Map<String, Double> setupByResource = new LinkedHashMap<>();
        double productionHours = 0;
        for (OrderLine line : request.lines()) {
            Capability capability = profile.capability(line.material())
                    .orElseThrow(() -> new IllegalArgumentException("no capability for " + line.material()));
            double hours = capability.hoursFor(line.quantity());
            hoursByResource.merge(capability.resource(), hours, Double::sum);
            setupByResource.merge(capability.resource(), capability.setup().toSeconds() / 3600.0, Double::sum);
            productionHours += hours;
        }
        Duration required = Duration.ofNanos(Math.round(productionHours * 3.6e12)).plus(request.transit());
        double urgency = UrgencyIndex.of(request.priority(), required, now, request.window().due());
        Instant latestFinish = request.window().due().minus(request.transit());
        WorkingCalendar calendar = profile.calendar();

        List<OrderDecision.ResourceCheck> checks = new ArrayList<>();
        Map<String, Double> scale = new LinkedHashMap<>();
        double total = 0;
        double committed = 0;
        for (Map.Entry<String, Double> entry : hoursByResource.entrySet()) {
            ProductionResource resource = profile.resource(entry.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("unknown resource " + entry.getKey()));
            ResourceLoad load = loads.getOrDefault(resource.id(), ResourceLoad.EMPTY);
            boolean windowOpen = latestFinish.isAfter(now);
            double free = windowOpen ? WorkingHours.free(resource, calendar, load, now, latestFinish) : 0;
            double totalHours = windowOpen ? WorkingHours.total(resource, calendar, now, latestFinish) : 0;
            double committedHours = windowOpen ? WorkingHours.committed(calendar, load, now, latestFinish) : 0;
            Instant earliest = WorkingHours.earliestFinish(resource, calendar, load, now, entry.getValue()).orElse(null);
            checks.add(new OrderDecision.ResourceCheck(resource.id(), entry.getValue(), free, totalHours, committedHours,
                    earliest == null ? null : WorkingHours.date(calendar, earliest), earliest));
            double setup = setupByResource.get(resource.id());
            double run = entry.getValue() - setup;
            scale.put(resource.id(), run <= 0 ? 1 : Math.min(1, Math.max(0, free - setup) / run));
            total += totalHours;
            committed += committedHours;
        }
        double occupancy = total == 0 ? 1 : committed / total;
        boolean capacityOk = checks.stream().allMatch(OrderDecision.ResourceCheck::sufficient);
        boolean wipOk = wip + 1 <= profile.wipMax();
        List<String> reasons = new ArrayList<>();
        if (!capacityOk) {
            reasons.add("capacity: not enough free hours before the latest finish " + latestFinish);
        }
        if (!wipOk) {
            reasons.add("wip: " + wip + " open orders, limit " + profile.wipMax());
        }
        Map<String, Double> feasible = new LinkedHashMap<>();
        for (OrderLine line : request.lines()) {
            String resource = profile.capability(line.material()).orElseThrow().resource();
            feasible.put(line.material(), capacityOk && wipOk ? line.quantity()
                    : wipOk ? request.batch().roundDown(line.quantity() * scale.get(resource)) : 0.0);
        }
        Outcome outcome = Outcome.of(capacityOk, wipOk, urgency, thetaU);
        OrderDecision draft = new OrderDecision(outcome, urgency, required, latestFinish, checks, wip, profile.wipMax(),
                feasible, null, occupancy, null, reasons);
        if (outcome.accepted()) {
            return draft;
        }
        Instant finish = draft.earliestFinish();
        Instant earliestDelivery = finish == null ? null : finish.plus(request.transit());
        DeliveryWindow proposed = null;
        if (earliestDelivery != null) {
            Instant proposedDue = earliestDelivery.isAfter(request.window().due()) ? earliestDelivery : request.window().due();
            Duration width = Duration.between(request.window().earliest(), request.window().due());
            proposed = new DeliveryWindow(proposedDue.minus(width), proposedDue);
        }
        return new OrderDecision(outcome, urgency, required, latestFinish, checks, wip, profile.wipMax(), feasible,
                earliestDelivery, occupancy, proposed, reasons);
    }

    /** The reservation of an accepted order: per resource, hours per date, placed backward from LF within [now, LF]. */
    public static Map<String, Map<LocalDate, Double>> reserve(OrderDecision decision, CapacityProfile profile,
                                                             Map<String, ResourceLoad> loads, Instant now) {
        Map<String, Map<LocalDate, Double>> reservation = new LinkedHashMap<>();
        for (OrderDecision.ResourceCheck check : decision.resources()) {
            ProductionResource resource = profile.resource(check.resource()).orElseThrow();
            reservation.put(check.resource(), WorkingHours.allocateBackward(resource, profile.calendar(),
                    loads.getOrDefault(check.resource(), ResourceLoad.EMPTY), now, decision.latestFinish(), check.hoursNeeded()));
        }
        return reservation;
    }

    /** The end of a UTC date: midnight at the start of the next day. */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
