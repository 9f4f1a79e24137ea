package org.hanse.app.inventory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.ordering.OrderBook;
import org.hanse.core.buffer.BufferRule;
import org.hanse.core.buffer.Statistics;
import org.hanse.core.buffer.Zone;

/**
 * A buffer as computed now: levels from the stock history and open orders, statistics, interval, zone and
 * depletion time. Level = on hand − allocated (stock already promised to open outbound orders).
 */
record BufferView(String node, String material, double onHand, double allocated, List<OrderBook.OpenOrder> inbound,
                  Statistics demand, Statistics leadTime, boolean forecastShared, BufferRule.Thresholds thresholds, Instant at) {

    double inTransit() {
        return inbound.stream().mapToDouble(OrderBook.OpenOrder::quantity).sum();
    }

    double level() {
        return onHand - allocated;
    }

    Zone zone() {
        return thresholds.zoneOf(level());
    }

    double depletionDays() {
        return BufferRule.depletionDays(onHand, allocated, demand.mean());
    }

    /** T_dep below the upstream's replenishment lead time (only where there is demand). */
    boolean warning() {
        return demand.mean() > 0 && BufferRule.needsExpedite(depletionDays(), leadTime.mean());
    }

    /**
     * How a reader sees it: everything; zone and depletion time (a MARKET-class neighbour, RULES 3.2); or only the zone
     * (a partner on the polling list, RULES 3.8).
     */
    enum Visibility { FULL, ZONE_AND_DEPLETION, ZONE_ONLY }

    Map<String, Object> json(Visibility visibility) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", node);
        m.put("material", material);
        m.put("zone", zone().name());
        m.put("time", at.toString());
        if (visibility == Visibility.ZONE_ONLY) {
            return m;
        }
        if (visibility == Visibility.ZONE_AND_DEPLETION) {
            m.put("depletionDays", Double.isInfinite(depletionDays()) ? null : round(depletionDays()));
            return m;
        }
        m.put("onHand", round(onHand));
        m.put("allocated", round(allocated));
        m.put("inTransit", round(inTransit()));
        m.put("inbound", inbound.stream().map(o -> Map.of("order", o.id(), "quantity", round(o.quantity()), "eta", o.due().toString())).toList());
        m.put("level", round(level()));
        m.put("depletionDays", Double.isInfinite(depletionDays()) ? null : round(depletionDays()));
        m.put("demand", Map.of("mean", round(demand.mean()), "stdDev", round(demand.stdDev()), "days", demand.count(), "forecastShared", forecastShared));
        m.put("leadTime", Map.of("meanDays", round(leadTime.mean()), "stdDevDays", round(leadTime.stdDev()), "deliveries", leadTime.count()));
        m.put("safetyStock", round(thresholds.safetyStock()));
        m.put("low", round(thresholds.low()));
        m.put("high", round(thresholds.high()));
        m.put("warning", warning());
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
