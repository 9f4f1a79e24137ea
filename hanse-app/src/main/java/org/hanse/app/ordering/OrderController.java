package org.hanse.app.ordering;

import java.util.Map;
import org.hanse.app.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/orders}: place, read, list, chain, override, resubmit, withdraw, receipts. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final Orders orders;
    private final OrderEvidence evidence;

    OrderController(Orders orders, OrderEvidence evidence) {
        this.orders = orders;
        this.evidence = evidence;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> place(@RequestBody Object body, Principal principal) {
        Orders.Result result = placeRetryingCollisions(body, principal);
        return ResponseEntity.status(result.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Location", "/api/v1/orders/" + org.hanse.core.node.OwnedId.shown(result.order().id(), principal.nodeId()))
                .body(evidence.json(result.order(), principal.nodeId()));
    }

    /**
     * Orders whose chains lock the same suppliers in a different order can deadlock in the database; the loser's
     * transaction is rolled back whole, so it is simply decided again (at most three times).
     */
    private Orders.Result placeRetryingCollisions(Object body, Principal principal) {
        for (int attempt = 1; ; attempt++) {
            try {
                return orders.place(body, principal);
            } catch (org.springframework.dao.PessimisticLockingFailureException collision) {
                if (attempt == 3) {
                    throw collision;
                }
            }
        }
    }

    @GetMapping("/{id}")
    Map<String, Object> read(@PathVariable String id, Principal principal) {
        return evidence.json(orders.read(id, principal), principal.nodeId());
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "any") String role, @RequestParam(defaultValue = "100") int limit,
                             Principal principal) {
        return Map.of("items", orders.list(role, limit, principal).stream().map(o -> OrderJson.of(o, principal.nodeId())).toList());
    }

    @GetMapping("/{id}/chain")
    Map<String, Object> chain(@PathVariable String id, Principal principal) {
        return orders.chain(id, principal);
    }

    /** Body of an override: {@code {"decision": "ACCEPT" | "REJECT", "reason": "…"}}. */
    record Override(String decision, String reason) {
    }

    @PostMapping("/{id}/override")
    Map<String, Object> override(@PathVariable String id, @RequestBody Override body, Principal principal) {
        return evidence.json(orders.override(id, body.decision(), body.reason(), principal), principal.nodeId());
    }

    @PostMapping("/{id}/resubmit")
    Map<String, Object> resubmit(@PathVariable String id, @RequestBody Object body, Principal principal) {
        return evidence.json(orders.resubmit(id, body, principal).order(), principal.nodeId());
    }

    @PostMapping("/{id}/withdraw")
    Map<String, Object> withdraw(@PathVariable String id, Principal principal) {
        return OrderJson.of(orders.withdraw(id, principal), principal.nodeId());
    }

    @PostMapping("/{id}/receipts")
    ResponseEntity<Map<String, Object>> receipt(@PathVariable String id, @RequestBody Object body, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(orders.receipt(id, body, principal));
    }
}
