package org.hanse.core.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MRP netting for BOM explosion (RULES 3.5): net = gross − (free − safety stock) − open orders, rounded up to the lot;
 * a component is ordered only for a positive net requirement. What stock and open orders cover is used up, so a
 * component needed twice in one explosion is netted once.
 */
public final class MrpNetting {

    private static final double EPS = 1e-9;

    private MrpNetting() {
    }

    /** A node's own position of a component: free stock, safety stock, quantity on open orders, and the lot (0: none). */
    public record Stock(double free, double safetyStock, double onOrder, double lot) {

        /** Nothing on hand, nothing ordered, no safety stock, no lot. */
        public static final Stock NONE = new Stock(0, 0, 0, 0);

        public Stock {
            if (!(safetyStock >= 0) || !(onOrder >= 0) || !(lot >= 0) || Double.isNaN(free)) {
                throw new IllegalArgumentException("safety stock, open orders and lot must be ≥ 0");
            }
        }
    }

    /** The netting of one requirement; {@code fromStock} is what it takes from free stock above the safety stock. */
    public record Netted(double gross, double net, double fromStock, Stock after) {
    }

    /**
     * Nets one gross requirement against the position. The position after it keeps the projected quantity
     * free − safety + on order exactly: the gross is taken off, the net (ordered now) counts as on order.
     */
    public static Netted net(double gross, Stock stock) {
        double raw = gross - (stock.free() - stock.safetyStock()) - stock.onOrder();
        double net = raw <= EPS ? 0 : roundUp(raw, stock.lot());
        double fromStock = Math.min(gross, Math.max(0, stock.free() - stock.safetyStock()));
        Stock after = new Stock(stock.free() - fromStock, stock.safetyStock(),
                Math.max(0, stock.onOrder() + net - gross + fromStock), stock.lot());
        return new Netted(gross, net, fromStock, after);
    }

    /** Rounds a positive quantity up to whole lots (no lot: unchanged). */
    public static double roundUp(double quantity, double lot) {
        return lot <= EPS ? quantity : Math.ceil(quantity / lot - 1e-9) * lot;
    }

    /** One planned component requirement of a multi-level explosion. */
    public record Requirement(String material, int level, double gross, double net) {
    }

    /**
     * Explodes {@code quantity} of {@code material} level by level through the bills of materials: each component's
     * gross is its parent's net times the quantity per unit; a material without a bill is bought, so not exploded.
     */
    public static List<Requirement> explode(String material, double quantity, Map<String, BillOfMaterials> boms, Map<String, Stock> stock) {
        List<Requirement> out = new ArrayList<>();
        explode(material, quantity, 1, boms, new HashMap<>(stock), out);
        return out;
    }

    private static void explode(String material, double quantity, int level, Map<String, BillOfMaterials> boms, Map<String, Stock> stock,
                                List<Requirement> out) {
        Optional<BillOfMaterials> bom = Optional.ofNullable(boms.get(material));
        if (bom.isEmpty() || level > 16) {
            return;
        }
        for (BillOfMaterials.Component c : bom.get().components()) {
            Netted n = net(quantity * c.quantityPerUnit(), stock.getOrDefault(c.material(), Stock.NONE));
            stock.put(c.material(), n.after());
            out.add(new Requirement(c.material(), level, n.gross(), n.net()));
            if (n.net() > EPS) {
                explode(c.material(), n.net(), level + 1, boms, stock, out);
            }
        }
    }
}
