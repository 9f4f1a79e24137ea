package org.hanse.app.ordering;

import java.util.List;
import java.util.Map;

/**
 * A component order as its maker sees it in {@code /nodes/{id}/planned-orders}: waiting for approval (outcome PLANNED,
 * the supplier's likely answer as {@code expectedOutcome}), or what became of it once approved or discarded.
 */
record PlannedOrderView(String id, String root, String parent, String supplier, String state, String outcome,
                        String expectedOutcome, String earliest, String due, String priority, List<Line> lines) {

    /** One line in the maker's unit. */
    record Line(String material, String quantity, String unit) {
    }

    static PlannedOrderView of(StoredOrder o) {
        return new PlannedOrderView(o.id(), o.rootId(), o.parentId(), o.supplier(), o.status().name(), o.outcome(),
                o.sent() ? null : (String) o.decision().get("expectedOutcome"), o.earliest().toString(), o.due().toString(), o.priority(), o.lines().stream().map(PlannedOrderView::line).toList());
    }

    private static Line line(Map<String, Object> l) {
        return new Line(String.valueOf(l.get("material")), new java.math.BigDecimal(String.valueOf(l.get("quantity")))
                .stripTrailingZeros().toPlainString(), String.valueOf(l.get("unit")));
    }
}
