package org.hanse.app.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.app.pricing.PriceBook;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.order.Batch;
import org.hanse.core.order.DeliveryWindow;
import org.hanse.core.order.Priority;
import org.hanse.core.payment.Prices;
import org.junit.jupiter.api.Test;

/** Lines are priced from each order's own supplier: the buyer's stated price on the root, list prices on the components. */
class LinePricesTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** A price list as plain data: table (200.00 EUR per piece from m) and legs (12.50 EUR per piece from c). */
    static final PriceBook LISTS = (supplier, buyer, material, on) -> {
        if (on.isBefore(LocalDate.parse("2026-01-01"))) {
            return Optional.empty();
        }
        return switch (supplier + "/" + material) {
            case "m/table" -> Optional.of(new Prices.Price(new BigDecimal("200.00"), EUR));
            case "c/leg" -> Optional.of(new Prices.Price(new BigDecimal("12.50"), EUR));
            default -> Optional.empty();
        };
    };

    static PlannedOrder order(String id, String buyer, String supplier, String material, String quantity, List<PlannedOrder> children) {
        BigDecimal q = new BigDecimal(quantity);
        return new PlannedOrder(id, buyer, supplier, null, List.of(new PlannedOrder.Line(material, q, "H87", q, "H87", material)),
                new DeliveryWindow(NOW, NOW.plus(Duration.ofDays(5))), Batch.ANY, Priority.NORMAL, Duration.ZERO, null, Duration.ZERO,
                Map.of(), children, null, Map.of());
    }

    @Test
    void theRootTakesTheStatedPriceAndComponentsTheirSuppliersList() {
        // r orders 10 tables from m at a stated 190.00 (the list says 200.00: to confirm); m's component order for 40
        // legs from c takes c's list price 12.50: value 40 × 12.50 = 500.00 EUR. A third tier without a list stays unpriced.
        PlannedOrder screws = order("s", "c", "x", "screw", "160", List.of());
        PlannedOrder legs = order("l", "m", "c", "leg", "40", List.of(screws));
        PlannedOrder root = order("t", "r", "m", "table", "10", List.of(legs));
        PlaceOrder request = new PlaceOrder("t", "r", "m", List.of(new PlaceOrder.RequestedLine("table", BigDecimal.TEN,
                UnitOfMeasure.ofCode("H87").orElseThrow(), new Prices.Price(new BigDecimal("190.00"), EUR))), NOW, NOW.plus(Duration.ofDays(5)),
                BigDecimal.ZERO, BigDecimal.ONE, Priority.NORMAL);

        PlannedOrder priced = new LinePrices(LISTS).price(root, request, NOW);

        PlannedOrder.Line table = priced.lines().get(0);
        assertThat(table.unitPrice() + " " + table.currency() + " " + table.priceStatus()).isEqualTo("190.00 EUR TO_CONFIRM");
        PlannedOrder.Line leg = priced.children().get(0).lines().get(0);
        assertThat(leg.unitPrice() + " " + leg.currency() + " " + leg.priceStatus()).isEqualTo("12.50 EUR LISTED");
        PlannedOrder.Line screw = priced.children().get(0).children().get(0).lines().get(0);
        assertThat(screw.unitPrice()).isNull();
        assertThat(screw.priceStatus()).isNull();
        assertThat(LinePrices.value(List.of(Map.of("unitPrice", "12.50", "currency", "EUR", "supplierQuantity", 40))).orElseThrow().plain())
                .isEqualTo("500.00");
        assertThat(LinePrices.value(List.of(Map.of("supplierQuantity", 160)))).as("unpriced: value unknown").isEmpty();
    }
}
