package org.hanse.app.ordering;

import java.util.List;
import org.hanse.app.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/nodes/{id}/planned-orders}: a maker's component orders waiting for its approval; approve, discard. */
@RestController
@RequestMapping("/api/v1/nodes/{id}/planned-orders")
class PlannedOrderController {

    private final PlannedOrders planned;

    PlannedOrderController(PlannedOrders planned) {
        this.planned = planned;
    }

    @GetMapping
    List<PlannedOrderView> list(@PathVariable("id") String node, Principal principal) {
        return planned.list(node, principal);
    }

    @PostMapping("/{order}/approve")
    PlannedOrderView approve(@PathVariable("id") String node, @PathVariable String order, Principal principal) {
        return planned.approve(node, order, principal);
    }

    @PostMapping("/{order}/discard")
    PlannedOrderView discard(@PathVariable("id") String node, @PathVariable String order, Principal principal) {
        return planned.discard(node, order, principal);
    }
}
