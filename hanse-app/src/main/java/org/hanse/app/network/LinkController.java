package org.hanse.app.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.core.node.OwnedId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/links}: request, accept, decline and read supplier–buyer links. */
@RestController
@RequestMapping("/api/v1/links")
class LinkController {

    private final Links links;

    LinkController(Links links) {
        this.links = links;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> request(@RequestBody Links.Request request, Principal principal) {
        Links.Outcome outcome = links.request(request, principal);
        return ResponseEntity.status(outcome.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Location", "/api/v1/links/" + OwnedId.shown(outcome.link().id(), principal.nodeId()))
                .body(json(outcome.link(), principal.nodeId()));
    }

    @PostMapping("/{id}/accept")
    Map<String, Object> accept(@PathVariable String id, Principal principal) {
        return json(links.accept(id, principal).link());
    }

    @PostMapping("/{id}/decline")
    Map<String, Object> decline(@PathVariable String id, Principal principal) {
        return json(links.decline(id, principal).link());
    }

    @GetMapping("/{id}")
    Map<String, Object> read(@PathVariable String id, Principal principal) {
        return json(links.read(id, principal), principal.nodeId());
    }

    @GetMapping
    Map<String, Object> list(Principal principal) {
        List<Map<String, Object>> items = links.list(principal).stream().map(LinkController::json).toList();
        return Map.of("items", items);
    }

    static Map<String, Object> json(Link link) {
        return json(link, null);
    }

    /** The link as {@code viewer} sees it: a request it made under its own id as it chose it (OwnedId.shown). */
    static Map<String, Object> json(Link link, String viewer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", OwnedId.shown(link.id(), viewer));
        m.put("buyer", link.buyer());
        m.put("supplier", link.supplier());
        m.put("materials", link.materials());
        m.put("status", link.status().name());
        m.put("requestedBy", link.requestedBy());
        m.put("requestedAt", link.requestedAt().toString());
        if (link.transit() != null) {
            m.put("transit", link.transit().toString());
        }
        if (link.decidedAt() != null) {
            m.put("decidedBy", link.decidedBy());
            m.put("decidedAt", link.decidedAt().toString());
        }
        return m;
    }
}
