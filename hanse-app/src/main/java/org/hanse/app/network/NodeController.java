package org.hanse.app.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/nodes}: register a node from its config file, update it, read it (self, neighbours, operator). */
@RestController
@RequestMapping("/api/v1/nodes")
class NodeController {

    static final String YAML = "application/yaml";

    private final NodeRegistry registry;
    private final NeighbourViews views;

    NodeController(NodeRegistry registry, NeighbourViews views) {
        this.registry = registry;
        this.views = views;
    }

    @PostMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Map<String, Object>> register(@RequestBody String body,
                                                 @RequestHeader(name = "Content-Type") String contentType,
                                                 Principal principal) {
        // Only the operator or a self-registering caller registers; a node or an institution key does not.
        if (principal.kind() != Principal.Kind.OPERATOR && principal.kind() != Principal.Kind.ANONYMOUS) {
            throw new ForbiddenException("a node or institution cannot register nodes; use the operator key or register without a key");
        }
        NodeRegistry.Registration registration = registry.register(ConfigFiles.parse(body, isJson(contentType)));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", registration.id());
        response.put("version", registration.version());
        if (registration.apiKey() != null) {
            response.put("apiKey", registration.apiKey());
        } else {
            response.put("replay", true);
            response.put("note", "already registered with this config; the API key was shown only at the first registration");
        }
        return ResponseEntity.status(registration.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Location", "/api/v1/nodes/" + registration.id())
                .body(response);
    }

    @PutMapping(path = "/{id}/config", consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> update(@PathVariable String id, @RequestBody String body,
                               @RequestHeader(name = "Content-Type") String contentType, Principal principal) {
        principal.requireSelfOrOperator(id);
        NodeRegistry.Update update = registry.update(id, ConfigFiles.parse(body, isJson(contentType)), principal);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", update.id());
        response.put("version", update.version());
        response.put("changed", update.changed());
        response.put("patch", update.patch());
        return response;
    }

    @GetMapping("/{id}")
    NodeRegistry.Snapshot read(@PathVariable String id, Principal principal) {
        return registry.read(id, principal);
    }

    @GetMapping("/{id}/config/{version}")
    Map<String, Object> readVersion(@PathVariable String id, @PathVariable long version, Principal principal) {
        return registry.readVersion(id, version, principal);
    }

    @GetMapping
    Map<String, Object> list(Principal principal) {
        return Map.of("items", registry.list(principal));
    }

    /** The versions at which this node holds its neighbours' configs. */
    @GetMapping("/{id}/views")
    Map<String, Object> views(@PathVariable String id, Principal principal) {
        principal.requireSelfOrOperator(id);
        List<Map<String, Object>> items = views.of(id).stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", v.subject());
            m.put("version", v.version());
            m.put("config", v.config());
            return m;
        }).toList();
        return Map.of("items", items);
    }

    static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE);
    }
}
