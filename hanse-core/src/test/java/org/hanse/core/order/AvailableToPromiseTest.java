package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvailableToPromiseTest {

    static final String SIDEBOARD = "4012360002019";
    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    // Due Friday 4 Dec 12:00 with one day of transit: the need date (latest finish) is Thursday 3 Dec 12:00.
    static final DeliveryWindow WINDOW = new DeliveryWindow(Instant.parse("2026-12-02T12:00:00Z"), Instant.parse("2026-12-04T12:00:00Z"));
    static final Instant NEED = Instant.parse("2026-12-03T12:00:00Z");

    static OrderRule.Request order(String material, double quantity) {
        return new OrderRule.Request(List.of(new OrderLine(material, quantity)), WINDOW, Batch.ANY, Priority.NORMAL, Duration.ofDays(1));
    }

    @Test
    void freeStockIsOnHandLessAllocationsAndHoldsPlusReceiptsDueByTheNeed() {
        // 45 on hand − 12 allocated − 3 held = 30 free; +10 due Wednesday counts, +20 due Friday (after the need) does not.
        AvailableToPromise.Position p = new AvailableToPromise.Position(45, 12, 3, List.of(
                new AvailableToPromise.Receipt(20, Instant.parse("2026-12-04T09:00:00Z")),
                new AvailableToPromise.Receipt(10, Instant.parse("2026-12-02T09:00:00Z"))));
        assertThat(p.free()).isEqualTo(30);
        assertThat(p.available(NEED)).isEqualTo(40);
        assertThat(p.coveredAt(30, NOW)).contains(NOW);
        assertThat(p.coveredAt(35, NOW)).contains(Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(p.coveredAt(60, NOW)).contains(Instant.parse("2026-12-04T09:00:00Z"));
        assertThat(p.coveredAt(61, NOW)).isEmpty();
        // Over-promised stock offers nothing, not a negative quantity.
        assertThat(new AvailableToPromise.Position(5, 8, 0, List.of()).available(NEED)).isZero();
    }

    @Test
    void aNodeWithoutCapacityAcceptsFromStock() {
        var position = Map.of(SIDEBOARD, new AvailableToPromise.Position(45, 0, 0, List.of()));
        AvailableToPromise.Promise promise = AvailableToPromise.decide(order(SIDEBOARD, 20), position, null, Map.of(), 0, NOW, 0.6);
        assertThat(promise.decision().outcome()).isEqualTo(Outcome.ACCEPTED_ROUTINE);
        assertThat(promise.fromStock()).containsExactly(Map.entry(SIDEBOARD, 20.0));
        // R = 24 h transit only; D − now = 4 days 4 h = 100 h: U = 0.24.
        assertThat(promise.decision().urgency()).isCloseTo(0.24, within(1e-12));
        assertThat(promise.decision().resources()).isEmpty();
    }

    @Test
    void aNodeWithoutCapacityShortOfStockProposesTheWindowOfTheReceiptThatCoversIt() {
        // 15 free, the order wants 20; 10 more arrive Monday 7 Dec 10:00 → delivery Tuesday 8 Dec 10:00 after a day's transit.
        var position = Map.of(SIDEBOARD, new AvailableToPromise.Position(15, 0, 0,
                List.of(new AvailableToPromise.Receipt(10, Instant.parse("2026-12-07T10:00:00Z")))));
        OrderDecision d = AvailableToPromise.decide(order(SIDEBOARD, 20), position, null, Map.of(), 0, NOW, 0.6).decision();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.reasons()).singleElement().asString().contains("15 of " + SIDEBOARD).contains("5 short");
        assertThat(d.feasibleQuantityByDue()).containsEntry(SIDEBOARD, 15.0);
        assertThat(d.earliestFeasibleDelivery()).isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
        // Same two-day width as asked.
        assertThat(d.proposedWindow()).isEqualTo(new DeliveryWindow(Instant.parse("2026-12-06T10:00:00Z"), Instant.parse("2026-12-08T10:00:00Z")));
    }

    @Test
    void withoutALaterReceiptNoWindowIsProposed() {
        var position = Map.of(SIDEBOARD, new AvailableToPromise.Position(15, 0, 0, List.of()));
        OrderDecision d = AvailableToPromise.decide(order(SIDEBOARD, 20), position, null, Map.of(), 0, NOW, 0.6).decision();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.proposedWindow()).isNull();
        assertThat(d.earliestFeasibleDelivery()).isNull();
    }

    @Test
    void stockFirstThenCapacityForTheRest() {
        // 30 boards ordered, 20 free: only 10 go to the line (setup 1 h + 10 / 2 per hour = 6 h), which fits Monday.
        var position = Map.of(OrderRuleTest.BOARD, new AvailableToPromise.Position(20, 0, 0, List.of()));
        AvailableToPromise.Promise promise = AvailableToPromise.decide(order(OrderRuleTest.BOARD, 30), position, OrderRuleTest.PROFILE,
                OrderRuleTest.LOAD, 0, NOW, 0.6);
        assertThat(promise.decision().outcome().accepted()).isTrue();
        assertThat(promise.fromStock()).containsExactly(Map.entry(OrderRuleTest.BOARD, 20.0));
        assertThat(promise.decision().resources()).singleElement().satisfies(c -> assertThat(c.hoursNeeded()).isCloseTo(6, within(1e-9)));
        assertThat(promise.decision().feasibleQuantityByDue()).containsEntry(OrderRuleTest.BOARD, 30.0);
    }

    @Test
    void twoLinesOfOneMaterialShareTheStock() {
        // 25 free: the first line takes 20, the second only the 5 left and is short 5 with no capacity.
        var request = new OrderRule.Request(List.of(new OrderLine(SIDEBOARD, 20), new OrderLine(SIDEBOARD, 10)), WINDOW, Batch.ANY,
                Priority.NORMAL, Duration.ofDays(1));
        var position = Map.of(SIDEBOARD, new AvailableToPromise.Position(25, 0, 0, List.of()));
        AvailableToPromise.Promise promise = AvailableToPromise.decide(request, position, null, Map.of(), 0, NOW, 0.6);
        assertThat(promise.decision().outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(promise.fromStock()).containsEntry(SIDEBOARD, 25.0);
    }
}
