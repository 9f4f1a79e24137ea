package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hanse.core.payment.Milestone;
import org.junit.jupiter.api.Test;

class OrderLifecycleTest {

    @Test
    void theHappyPathRunsFromPlacedToClosed() {
        OrderState s = OrderState.PLACED;
        s = OrderLifecycle.next(s, OrderEvent.DECIDED_ACCEPT);
        assertThat(s).isEqualTo(OrderState.CONFIRMED);
        s = OrderLifecycle.next(s, OrderEvent.SHIPMENT_CREATED);
        assertThat(s).as("a unit created moves nothing").isEqualTo(OrderState.CONFIRMED);
        s = OrderLifecycle.next(s, OrderEvent.SHIPPED_PART);
        assertThat(s).isEqualTo(OrderState.PARTIALLY_SHIPPED);
        s = OrderLifecycle.next(s, OrderEvent.DELIVERED_PART);
        assertThat(s).isEqualTo(OrderState.PARTIALLY_SHIPPED);
        s = OrderLifecycle.next(s, OrderEvent.SHIPPED_ALL);
        assertThat(s).isEqualTo(OrderState.SHIPPED);
        s = OrderLifecycle.next(s, OrderEvent.DELIVERED_ALL);
        assertThat(s).isEqualTo(OrderState.DELIVERED);
        s = OrderLifecycle.next(s, OrderEvent.ACCEPTED_ALL);
        assertThat(s).isEqualTo(OrderState.DELIVERED);
        s = OrderLifecycle.next(s, OrderEvent.FULLY_PAID);
        assertThat(s).isEqualTo(OrderState.CLOSED);
        assertThat(OrderLifecycle.next(s, OrderEvent.FULLY_PAID)).as("told twice").isEqualTo(OrderState.CLOSED);
    }

    @Test
    void theSupplierCannotRejectOnceGoodsHaveLeft() {
        assertThat(OrderLifecycle.next(OrderState.CONFIRMED, OrderEvent.OVERRIDE_REJECT)).isEqualTo(OrderState.REJECTED);
        for (OrderState s : new OrderState[] {OrderState.PARTIALLY_SHIPPED, OrderState.SHIPPED, OrderState.DELIVERED, OrderState.CLOSED}) {
            assertThatThrownBy(() -> OrderLifecycle.next(s, OrderEvent.OVERRIDE_REJECT))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("the order is " + s)
                    .satisfies(e -> assertThat(((IllegalTransitionException) e).state()).isEqualTo(s));
        }
    }

    @Test
    void withdrawAndCancelOnlyBeforeAnythingLeft() {
        assertThat(OrderLifecycle.next(OrderState.CONFIRMED, OrderEvent.WITHDRAW)).isEqualTo(OrderState.WITHDRAWN);
        assertThat(OrderLifecycle.next(OrderState.REJECTED, OrderEvent.WITHDRAW)).isEqualTo(OrderState.WITHDRAWN);
        assertThat(OrderLifecycle.next(OrderState.WITHDRAWN, OrderEvent.WITHDRAW)).as("repeat").isEqualTo(OrderState.WITHDRAWN);
        assertThat(OrderLifecycle.next(OrderState.CONFIRMED, OrderEvent.CANCEL)).isEqualTo(OrderState.CANCELLED);
        assertThat(OrderLifecycle.allows(OrderState.PARTIALLY_SHIPPED, OrderEvent.WITHDRAW)).isFalse();
        assertThat(OrderLifecycle.allows(OrderState.SHIPPED, OrderEvent.CANCEL)).isFalse();
        assertThat(OrderLifecycle.allows(OrderState.DELIVERED, OrderEvent.WITHDRAW)).isFalse();
    }

    @Test
    void deadOrdersMoveNoGoodsAndOnlyARejectionCanBeOverriddenToAccept() {
        assertThat(OrderLifecycle.next(OrderState.REJECTED, OrderEvent.OVERRIDE_ACCEPT)).isEqualTo(OrderState.CONFIRMED);
        assertThat(OrderLifecycle.allows(OrderState.CONFIRMED, OrderEvent.OVERRIDE_ACCEPT)).isFalse();
        for (OrderState s : new OrderState[] {OrderState.REJECTED, OrderState.WITHDRAWN, OrderState.CANCELLED}) {
            assertThat(OrderLifecycle.allows(s, OrderEvent.SHIPMENT_CREATED)).as(s.name()).isFalse();
            assertThat(OrderLifecycle.allows(s, OrderEvent.SHIPPED_PART)).as(s.name()).isFalse();
            assertThat(s.dead()).isTrue();
        }
        assertThat(OrderLifecycle.allowed(OrderState.CANCELLED)).containsExactly(OrderEvent.CANCEL);
    }

    @Test
    void paymentClosesOnlyADeliveredOrder() {
        assertThat(OrderLifecycle.allows(OrderState.SHIPPED, OrderEvent.FULLY_PAID)).isFalse();
        assertThat(OrderLifecycle.allows(OrderState.CONFIRMED, OrderEvent.FULLY_PAID)).isFalse();
        assertThat(OrderLifecycle.next(OrderState.DELIVERED, OrderEvent.FULLY_PAID)).isEqualTo(OrderState.CLOSED);
        assertThat(OrderLifecycle.allows(OrderState.CLOSED, OrderEvent.SHIPPED_PART)).isFalse();
    }

    @Test
    void aReceiptDeliversAnOrderWithoutTrackedShipmentsAndOnlyRecordsOnAShippedOne() {
        assertThat(OrderLifecycle.next(OrderState.CONFIRMED, OrderEvent.COMPLETION_CONFIRMED)).isEqualTo(OrderState.DELIVERED);
        assertThat(OrderLifecycle.next(OrderState.PARTIALLY_SHIPPED, OrderEvent.COMPLETION_CONFIRMED)).isEqualTo(OrderState.PARTIALLY_SHIPPED);
        assertThat(OrderLifecycle.allows(OrderState.REJECTED, OrderEvent.COMPLETION_CONFIRMED)).isFalse();
    }

    @Test
    void goodsMilestonesArePartUntilEveryMaterialIsCovered() {
        Map<String, Double> ordered = Map.of("board", 40.0, "dowel", 10.0);
        assertThat(OrderLifecycle.goods(Milestone.SHIPPED, ordered, Map.of("board", 25.0))).contains(OrderEvent.SHIPPED_PART);
        assertThat(OrderLifecycle.goods(Milestone.SHIPPED, ordered, Map.of("board", 40.0))).as("dowels missing").contains(OrderEvent.SHIPPED_PART);
        assertThat(OrderLifecycle.goods(Milestone.SHIPPED, ordered, Map.of("board", 40.0, "dowel", 10.0))).contains(OrderEvent.SHIPPED_ALL);
        assertThat(OrderLifecycle.goods(Milestone.DELIVERED, ordered, Map.of("board", 40.0, "dowel", 10.0))).contains(OrderEvent.DELIVERED_ALL);
        assertThat(OrderLifecycle.goods(Milestone.ACCEPTED, ordered, Map.of("board", 15.0))).contains(OrderEvent.ACCEPTED_PART);
        assertThat(OrderLifecycle.goods(Milestone.IN_TRANSIT, ordered, Map.of())).isEmpty();
    }

    @Test
    void aPlannedComponentOrderIsSentOnlyOnApprovalAndIsNotOnOrderBefore() {
        assertThat(OrderLifecycle.next(OrderState.PLANNED, OrderEvent.APPROVE)).isEqualTo(OrderState.PLACED);
        assertThat(OrderLifecycle.next(OrderState.PLANNED, OrderEvent.WITHDRAW)).as("discarded").isEqualTo(OrderState.WITHDRAWN);
        assertThat(OrderLifecycle.next(OrderState.PLANNED, OrderEvent.CANCEL)).isEqualTo(OrderState.CANCELLED);
        assertThat(OrderLifecycle.allowed(OrderState.PLANNED))
                .containsExactlyInAnyOrder(OrderEvent.APPROVE, OrderEvent.WITHDRAW, OrderEvent.CANCEL);
        assertThatThrownBy(() -> OrderLifecycle.next(OrderState.PLANNED, OrderEvent.DECIDED_ACCEPT))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("the order is PLANNED");
        assertThatThrownBy(() -> OrderLifecycle.next(OrderState.WITHDRAWN, OrderEvent.APPROVE))
                .as("a discarded order cannot be approved").isInstanceOf(IllegalTransitionException.class);
        assertThat(OrderState.PLANNED.open()).isFalse();
        assertThat(OrderState.PLANNED.dead()).isFalse();
        assertThat(OrderState.PLANNED.word()).isEqualTo("planned");
    }

    @Test
    void statesHaveWords() {
        assertThat(OrderState.PARTIALLY_SHIPPED.word()).isEqualTo("partly shipped");
        assertThat(OrderState.CONFIRMED.open()).isTrue();
        assertThat(OrderState.DELIVERED.open()).isFalse();
        assertThat(OrderState.SHIPPED.goodsMoved()).isTrue();
    }
}
