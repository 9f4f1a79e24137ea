package org.hanse.app.parameters;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hanse.app.network.ConfigFiles;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.hanse.core.parameters.NetworkParameters;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/network/parameters}: every node and the operator read the current set and its history (the rules each
 * node is judged by are public to it); only the platform operator stores a new version or a pair's negotiated values.
 * Bodies are YAML or JSON; the tree is the one {@code GET} answers under {@code parameters}.
 */
@RestController
@RequestMapping("/api/v1/network/parameters")
class ParameterController {

    static final String YAML = "application/yaml";

    /** The current set: version, who stored it, when, and its tree. */
    record CurrentParameters(long version, String changedBy, Instant changedAt, Map<String, Object> parameters) {
        static CurrentParameters of(ParameterSet set) {
            return new CurrentParameters(set.version(), set.changedBy(), set.changedAt(), set.parameters().toTree());
        }
    }

    /** The answer to a change: the set now current and whether this request stored a new version. */
    record StoredParameters(long version, boolean changed, String changedBy, Instant changedAt, Map<String, Object> parameters) {
    }

    /** The versions, newest first. */
    record History(List<NetworkParameterSets.HistoryEntry> versions) {
    }

    /** A pair's negotiated values and the set its rules use. */
    record PairParameters(String buyer, String supplier, long version, Map<String, Object> overrides, Map<String, Object> parameters) {
    }

    private final NetworkParameterSets sets;

    ParameterController(NetworkParameterSets sets) {
        this.sets = sets;
    }

    @GetMapping
    CurrentParameters current() {
        return CurrentParameters.of(sets.current());
    }

    @PutMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    StoredParameters update(@RequestBody String body, @RequestHeader(name = "Content-Type") String contentType, Principal principal) {
        NetworkParameterSets.requireOperator(principal);
        NetworkParameterSets.Change change = sets.update(ConfigFiles.parse(body, isJson(contentType)), principal);
        ParameterSet set = change.set();
        return new StoredParameters(set.version(), change.changed(), set.changedBy(), set.changedAt(), set.parameters().toTree());
    }

    @GetMapping("/history")
    History history() {
        return new History(sets.history());
    }

    @GetMapping("/pairs/{buyer}/{supplier}")
    PairParameters pair(@PathVariable String buyer, @PathVariable String supplier, Principal principal) {
        if (!principal.isOperator() && !principal.isNode(buyer) && !principal.isNode(supplier)) {
            throw new ForbiddenException("only the two parties and the operator see a pair's parameters");
        }
        return pairView(buyer, supplier);
    }

    @PutMapping(path = "/pairs/{buyer}/{supplier}",
            consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    PairParameters updatePair(@PathVariable String buyer, @PathVariable String supplier, @RequestBody String body,
                              @RequestHeader(name = "Content-Type") String contentType, Principal principal) {
        NetworkParameterSets.requireOperator(principal);
        sets.updatePair(buyer, supplier, ConfigFiles.parse(body, isJson(contentType)), principal);
        return pairView(buyer, supplier);
    }

    private PairParameters pairView(String buyer, String supplier) {
        ParameterSet set = sets.forPair(buyer, supplier);
        return new PairParameters(buyer, supplier, set.version(), NetworkParameters.treeOf(sets.pairOverrides(buyer, supplier)),
                set.parameters().toTree());
    }

    static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE);
    }
}
