package org.hanse.app.network;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hanse.app.dictionary.MaterialDictionary;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.security.ApiKeys;
import org.hanse.app.security.NodeKeyLookup;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.ledger.CanonicalJson;
import org.hanse.core.node.InterfaceModule;
import org.hanse.core.node.NodeConfig;
import org.hanse.core.node.NodeConfigReader;
import org.hanse.core.node.NodeConfigTree;
import org.hanse.core.patch.JsonMergePatch;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers nodes from their config file and versions every change; a change reaches the accepted
 * neighbours only, as a CONFIG_CHANGED merge patch holding just the changed fields.
 */
@Service
public class NodeRegistry implements NodeKeyLookup {

    private final NodeRepository nodes;
    private final LinkRepository links;
    private final MaterialDictionary dictionary;
    private final NodeEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    NodeRegistry(NodeRepository nodes, LinkRepository links, MaterialDictionary dictionary, NodeEvents events, Clock clock,
                 ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.nodes = nodes;
        this.links = links;
        this.dictionary = dictionary;
        this.events = events;
        this.clock = clock;
    }

    /** Result of a registration: the API key is present only on the first, successful registration. */
    public record Registration(String id, long version, String apiKey, boolean replay) {
    }

    /** Result of a config update: {@code changed} is false when the new file equals the current config. */
    public record Update(String id, long version, boolean changed, Map<String, Object> patch) {
    }

    /** Validates the config tree; a node id already registered with the same config is an idempotent replay. */
    @Transactional
    public Registration register(Object tree) {
        NodeConfig config = NodeConfigReader.read(tree, dictionary).orElseThrow();
        Map<String, Object> canonical = NodeConfigTree.of(config);
        Optional<NodeRecord> existing = nodes.lock(config.id());
        String capacityDigest = capacityDigest(tree);
        if (existing.isPresent()) {
            // A replay is the same file again: the stored config and the capacity section handed to ordering.
            if (JsonMergePatch.diff(existing.get().config(), canonical).isEmpty()
                    && java.util.Objects.equals(nodes.capacityDigest(config.id()).orElse(null), capacityDigest)) {
                return new Registration(config.id(), existing.get().version(), null, true);
            }
            throw new ConflictException("node " + config.id() + " is already registered with another config; "
                    + "change it with PUT /api/v1/nodes/" + config.id() + "/config");
        }
        Instant now = clock.instant();
        String key = ApiKeys.generate();
        nodes.insert(new NodeRecord(config.id(), config.name(), 1, canonical, now, now), ApiKeys.hash(key));
        nodes.setCapacityDigest(config.id(), capacityDigest);
        declareCapacity(config.id(), tree);
        return new Registration(config.id(), 1, key, false);
    }

    /** Stores a new config version and sends the merge patch to the accepted neighbours. */
    @Transactional
    public Update update(String id, Object tree, Principal principal) {
        principal.requireSelfOrOperator(id);
        NodeRecord current = nodes.lock(id).orElseThrow(() -> new NotFoundException("node " + id + " is not registered"));
        NodeConfig config = NodeConfigReader.read(tree, dictionary).orElseThrow();
        if (!config.id().equals(id)) {
            throw new InvalidInputException("node.id", "must stay '" + id + "': a node's id cannot change");
        }
        Map<String, Object> canonical = NodeConfigTree.of(config);
        Map<String, Object> patch = JsonMergePatch.diff(current.config(), canonical);
        nodes.setCapacityDigest(id, capacityDigest(tree));
        declareCapacity(id, tree);
        if (patch.isEmpty()) {
            return new Update(id, current.version(), false, patch);
        }
        Instant now = clock.instant();
        long version = current.version() + 1;
        nodes.update(new NodeRecord(id, config.name(), version, canonical, current.registeredAt(), now), patch);
        Set<String> neighbours = links.neighbours(id);
        if (!neighbours.isEmpty()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("node", id);
            payload.put("fromVersion", current.version());
            payload.put("toVersion", version);
            payload.put("patch", patch);
            NodeEvent changed = NodeEvent.of(UUID.randomUUID().toString(), EventType.CONFIG_CHANGED, id,
                    List.copyOf(neighbours), now, payload);
            events.publish(changed);
            publisher.publishEvent(new ConfigShared(changed.id()));
        }
        return new Update(id, version, true, patch);
    }

    /** The node's current record, if the principal may see it (itself, the operator, or an accepted neighbour). */
    public Snapshot read(String id, Principal principal) {
        NodeRecord node = nodes.find(id).orElseThrow(() -> new NotFoundException("node " + id + " is not registered"));
        requireVisible(id, principal);
        return Snapshot.of(node);
    }

    /** The config at an earlier version, for a neighbour catching up. */
    public Map<String, Object> readVersion(String id, long version, Principal principal) {
        nodes.find(id).orElseThrow(() -> new NotFoundException("node " + id + " is not registered"));
        requireVisible(id, principal);
        return nodes.configAt(id, version)
                .orElseThrow(() -> new NotFoundException("node " + id + " has no config version " + version));
    }

    /** Nodes the principal may see: all for the operator, itself and its neighbours for a node. */
    public List<Snapshot> list(Principal principal) {
        List<NodeRecord> visible;
        if (principal.isOperator()) {
            visible = nodes.all();
        } else {
            String self = principal.requireNode();
            Set<String> ids = new java.util.TreeSet<>(links.neighbours(self));
            ids.add(self);
            visible = nodes.byIds(ids);
        }
        return visible.stream().map(Snapshot::of).toList();
    }

    /** Which interface modules a node has enabled (empty when unknown). */
    public Set<InterfaceModule> modulesOf(String id) {
        return nodes.find(id).map(n -> modules(n.config())).orElse(Set.of());
    }

    /** The roles a node's current config declares; empty when there is no such node. */
    @SuppressWarnings("unchecked")
    public Optional<Set<org.hanse.core.node.NodeRole>> rolesOf(String id) {
        return nodes.find(id).map(n -> {
            Set<org.hanse.core.node.NodeRole> roles = java.util.EnumSet.noneOf(org.hanse.core.node.NodeRole.class);
            Object node = n.config().get("node");
            Object keys = node instanceof Map<?, ?> m ? m.get("roles") : null;
            for (Object key : keys instanceof List<?> l ? l : List.of()) {
                org.hanse.core.node.NodeRole.ofKey(String.valueOf(key)).ifPresent(roles::add);
            }
            return roles;
        });
    }

    Optional<Snapshot> current(String id) {
        return nodes.find(id).map(Snapshot::of);
    }

    boolean exists(String id) {
        return nodes.find(id).isPresent();
    }

    @SuppressWarnings("unchecked")
    private void declareCapacity(String id, Object tree) {
        Object capacity = ((Map<String, Object>) tree).get("capacity");
        if (capacity != null) {
            publisher.publishEvent(new NodeCapacityDeclared(id, (Map<String, Object>) capacity));
        }
    }

    /** SHA-256 of the capacity section's canonical JSON (RFC 8785), null when the file has none. */
    @SuppressWarnings("unchecked")
    static String capacityDigest(Object tree) {
        Object capacity = ((Map<String, Object>) tree).get("capacity");
        return capacity == null ? null : Sha256.hex(CanonicalJson.text(capacity));
    }

    @Override
    public Optional<String> nodeIdForKeyHash(String keyHash) {
        return nodes.idForKeyHash(keyHash);
    }

    private void requireVisible(String id, Principal principal) {
        if (principal.isOperator() || principal.isNode(id)) {
            return;
        }
        String self = principal.requireNode();
        if (!links.areNeighbours(self, id)) {
            throw new ForbiddenException("node " + id + " shares its config only with its accepted neighbours");
        }
    }

    @SuppressWarnings("unchecked")
    static Set<InterfaceModule> modules(Map<String, Object> config) {
        Set<InterfaceModule> modules = java.util.EnumSet.noneOf(InterfaceModule.class);
        for (Object key : (List<Object>) config.getOrDefault("modules", List.of())) {
            InterfaceModule.ofKey(String.valueOf(key)).ifPresent(modules::add);
        }
        return modules;
    }

    /** A node's config at its current version, as the API returns it. */
    public record Snapshot(String id, String name, long version, Map<String, Object> config, Instant registeredAt, Instant updatedAt) {
        static Snapshot of(NodeRecord n) {
            return new Snapshot(n.id(), n.name(), n.version(), n.config(), n.registeredAt(), n.updatedAt());
        }
    }
}
