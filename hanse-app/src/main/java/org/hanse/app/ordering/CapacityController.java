package org.hanse.app.ordering;

import java.util.Map;
import org.hanse.app.network.ConfigFiles;
import org.hanse.app.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/nodes/{id}/capacity}: a node's capacity declaration, private to the node (and the operator). */
@RestController
class CapacityController {

    private final CapacityDeclarations declarations;

    CapacityController(CapacityDeclarations declarations) {
        this.declarations = declarations;
    }

    @PutMapping(path = "/api/v1/nodes/{id}/capacity",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> declare(@PathVariable String id, @RequestBody String body,
                                @RequestHeader(name = "Content-Type") String contentType, Principal principal) {
        principal.requireSelfOrOperator(id);
        boolean json = contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE);
        long version = declarations.declare(id, ConfigFiles.parse(body, json), principal);
        return Map.of("node", id, "version", version);
    }

    @GetMapping("/api/v1/nodes/{id}/capacity")
    Map<String, Object> read(@PathVariable String id, Principal principal) {
        return declarations.read(id, principal);
    }
}
