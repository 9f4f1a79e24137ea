package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.core.dictionary.MaterialCode;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.node.NodeId;
import org.hanse.core.order.Priority;
import org.hanse.core.payment.Prices;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.TreeReader;
import org.hanse.core.validation.Validated;

/** Validates the body of {@code POST /api/v1/orders}, listing every problem with its path. */
final class OrderRequestReader extends TreeReader {

    static final Set<String> KEYS = Set.of("id", "buyer", "supplier", "lines", "earliest", "due", "batch", "priority");
    static final Set<String> LINE_KEYS = Set.of("material", "quantity", "unit", "unitPrice", "currency");
    static final int MAX_LINES = 200;
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    static final Numbers.Range BATCH_MINIMUM = new Numbers.Range(BigDecimal.ZERO, Numbers.QUANTITY.max());

    static Validated<PlaceOrder> read(Object body, String buyer) {
        OrderRequestReader reader = new OrderRequestReader();
        PlaceOrder order = reader.readOrder(body, buyer);
        return reader.problems().isEmpty() ? Validated.valid(order) : Validated.invalid(reader.problems());
    }

    private PlaceOrder readOrder(Object body, String buyer) {
        Map<?, ?> root = requiredMap("", body);
        if (root == null) {
            return null;
        }
        unknownKeys("", root, KEYS);
        String id = requiredString("id", root.get("id"));
        if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
            add("id", "must be 1 to 80 letters, digits, '.', '_' or '-', chosen by the buyer");
        }
        if (root.get("buyer") != null && !buyer.equals(root.get("buyer"))) {
            add("buyer", "must be the calling node '" + buyer + "' (or left out)");
        }
        String supplier = requiredString("supplier", root.get("supplier"));
        if (supplier != null && !NodeId.isValid(supplier)) {
            add("supplier", "must be a node id");
        }
        if (supplier != null && supplier.equals(buyer)) {
            add("supplier", "must differ from the buyer");
        }
        List<PlaceOrder.RequestedLine> lines = lines(root.get("lines"));
        Instant earliest = instant("earliest", root.get("earliest"));
        Instant due = instant("due", root.get("due"));
        if (earliest != null && due != null && due.isBefore(earliest)) {
            add("due", "must not be before earliest");
        }
        BigDecimal minimum = BigDecimal.ZERO;
        BigDecimal multiple = BigDecimal.ONE;
        if (root.get("batch") != null) {
            Map<?, ?> batch = requiredMap("batch", root.get("batch"));
            if (batch != null) {
                unknownKeys("batch", batch, Set.of("minimum", "multiple"));
                if (batch.get("minimum") != null) {
                    minimum = number("batch.minimum", batch.get("minimum"), BATCH_MINIMUM);
                }
                if (batch.get("multiple") != null) {
                    multiple = number("batch.multiple", batch.get("multiple"), Numbers.QUANTITY);
                }
            }
        }
        Priority priority = Priority.NORMAL;
        if (root.get("priority") != null) {
            try {
                priority = Priority.valueOf(String.valueOf(root.get("priority")));
            } catch (IllegalArgumentException e) {
                add("priority", "must be NORMAL or HIGH");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new PlaceOrder(id, buyer, supplier, lines, earliest, due, minimum, multiple, priority);
    }

    private List<PlaceOrder.RequestedLine> lines(Object value) {
        List<PlaceOrder.RequestedLine> lines = new ArrayList<>();
        List<?> list = requiredList("lines", value);
        if (list == null) {
            return lines;
        }
        if (list.isEmpty() || list.size() > MAX_LINES) {
            add("lines", "must have 1 to " + MAX_LINES + " lines");
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "lines[" + i + "]";
            Map<?, ?> line = requiredMap(path, list.get(i));
            if (line == null) {
                continue;
            }
            unknownKeys(path, line, LINE_KEYS);
            String material = requiredString(path + ".material", line.get("material"));
            if (material != null) {
                MaterialCode.Parsed parsed = MaterialCode.parse(material);
                if (!parsed.ok()) {
                    add(path + ".material", parsed.error());
                    material = null;
                }
            }
            BigDecimal quantity = number(path + ".quantity", line.get("quantity"), Numbers.QUANTITY);
            String unitCode = requiredString(path + ".unit", line.get("unit"));
            UnitOfMeasure unit = unitCode == null ? null : UnitOfMeasure.ofCode(unitCode).orElse(null);
            if (unitCode != null && unit == null) {
                add(path + ".unit", "unknown UN/ECE Rec 20 unit '" + unitCode + "'");
            }
            boolean priced = line.get("unitPrice") != null || line.get("currency") != null;
            Prices.Price stated = priced ? LinePrices.stated(path, line.get("unitPrice"), line.get("currency"), problems) : null;
            if (material != null && quantity != null && unit != null && (!priced || stated != null)) {
                lines.add(new PlaceOrder.RequestedLine(material, quantity, unit, stated));
            }
        }
        return lines;
    }

    private Instant instant(String path, Object value) {
        String text = requiredString(path, value);
        if (text == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            // Years beyond 9999 parse, but no database stores them (and no order waits that long).
            if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
                add(path, "must lie between 1970-01-01T00:00:00Z and " + LATEST);
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            add(path, "must be an ISO 8601 instant in UTC such as 2026-12-04T12:00:00Z");
            return null;
        }
    }
}
