package org.hanse.app.ordering;

import java.util.HashMap;
import java.util.Map;
import org.hanse.core.order.MrpNetting;

/**
 * MRP netting of one chain's component requirements against each maker's own stock, safety stock, open orders and lot
 * (RULES 3.5). Holds the positions for one planning session, so a component needed twice is netted once.
 */
final class ComponentNetting {

    private final AvailableStock stock;
    private final Map<String, MrpNetting.Stock> positions = new HashMap<>();

    ComponentNetting(AvailableStock stock) {
        this.stock = stock;
    }

    /** Nets the maker's gross requirement of a component (in the maker's unit); what it uses is gone for the next. */
    MrpNetting.Netted net(String maker, String material, double gross) {
        String key = maker + "\n" + material;
        MrpNetting.Netted netted = MrpNetting.net(gross, positions.computeIfAbsent(key, k -> stock.netting(maker, material)));
        positions.put(key, netted.after());
        return netted;
    }
}
