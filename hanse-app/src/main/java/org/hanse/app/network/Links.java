package org.hanse.app.network;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hanse.app.dictionary.MaterialDictionary;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.OwnedKeys;
import org.hanse.core.dictionary.MaterialCode;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.node.NodeId;
import org.hanse.core.node.ResponseTimeout;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adjacency: a node asks another to be its supplier or buyer for given materials; the other accepts or
 * declines within its response timeout. Accepted neighbours receive each other's config snapshot.
 */
@Service
public class Links {

    /** Link requests: ids chosen by the requester, visible to both parties. */
    static final OwnedKeys.Table LINKS = new OwnedKeys.Table("link", "requested_by", "buyer_id", "supplier_id");

    private final LinkRepository links;
    private final NodeRepository nodes;
    private final MaterialDictionary dictionary;
    private final NodeEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    Links(LinkRepository links, NodeRepository nodes, MaterialDictionary dictionary, NodeEvents events, Clock clock,
          ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.links = links;
        this.nodes = nodes;
        this.dictionary = dictionary;
        this.events = events;
        this.clock = clock;
    }

    /** A link request as posted. */
    public record Request(String id, String buyer, String supplier, List<String> materials, String transit) {
        public Request(String id, String buyer, String supplier, List<String> materials) {
            this(id, buyer, supplier, materials, null);
        }
    }

    /** The stored link and whether the call repeated an earlier identical request. */
    public record Outcome(Link link, boolean replay) {
    }

    @Transactional
    public Outcome request(Request request, Principal principal) {
        String requester = principal.requireNode();
        validate(request);
        if (!requester.equals(request.buyer()) && !requester.equals(request.supplier())) {
            throw new ForbiddenException("a node can only request links in which it is the buyer or the supplier");
        }
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        // Lock both nodes in id order: concurrent requests for one pair serialise without deadlock.
        String counterpart = requester.equals(request.buyer()) ? request.supplier() : request.buyer();
        for (String nodeId : new java.util.TreeSet<>(List.of(request.buyer(), request.supplier()))) {
            if (nodes.lock(nodeId).isEmpty()) {
                throw new InvalidInputException(nodeId.equals(request.buyer()) ? "buyer" : "supplier",
                        "node '" + nodeId + "' is not registered");
            }
        }
        List<String> materials = List.copyOf(new LinkedHashSet<>(request.materials()));
        java.time.Duration transit = request.transit() == null ? null : java.time.Duration.parse(request.transit());
        Optional<Link> existing = OwnedKeys.own(links.jdbc(), LINKS, requester, id).flatMap(links::find);
        if (existing.isPresent()) {
            Link l = existing.get();
            if (l.buyer().equals(request.buyer()) && l.supplier().equals(request.supplier())
                    && l.materials().equals(materials) && l.requestedBy().equals(requester)
                    && java.util.Objects.equals(l.transit(), transit)) {
                return new Outcome(l, true);
            }
            throw new ConflictException("link " + id + " already exists with other content");
        }
        links.openBetween(request.buyer(), request.supplier()).ifPresent(open -> {
            throw new ConflictException("an open link (" + open.id() + ", " + open.status() + ") already exists between buyer "
                    + open.buyer() + " and supplier " + open.supplier());
        });
        Instant now = clock.instant();
        // Another node's request under the same id stays invisible: this one is stored as requester@id (OwnedId).
        String key = request.id() == null ? id : OwnedKeys.newKey(links.jdbc(), LINKS, requester, id);
        Link link = new Link(key, request.buyer(), request.supplier(), materials, LinkStatus.REQUESTED, requester, now, null, null, transit);
        links.insert(link);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.LINK_REQUESTED, requester, List.of(counterpart),
                now, linkPayload(link)));
        return new Outcome(link, false);
    }

    @Transactional
    public Outcome accept(String id, Principal principal) {
        Link link = decidable(id, principal, LinkStatus.ACCEPTED);
        if (link.status() == LinkStatus.ACCEPTED) {
            return new Outcome(link, true);
        }
        Instant now = clock.instant();
        String acceptor = principal.requireNode();
        String requester = link.requestedBy();
        links.decide(link.id(), LinkStatus.ACCEPTED, acceptor, now);
        // Each side receives the other's current config: the join reaches adjacent nodes only.
        NodeRecord acceptorNode = nodes.find(acceptor).orElseThrow();
        NodeRecord requesterNode = nodes.find(requester).orElseThrow();
        for (NodeEvent accepted : List.of(
                NodeEvent.of(UUID.randomUUID().toString(), EventType.LINK_ACCEPTED, acceptor, List.of(requester), now,
                        acceptedPayload(link, acceptorNode)),
                NodeEvent.of(UUID.randomUUID().toString(), EventType.LINK_ACCEPTED, requester, List.of(acceptor), now,
                        acceptedPayload(link, requesterNode)))) {
            events.publish(accepted);
            publisher.publishEvent(new ConfigShared(accepted.id()));
        }
        return new Outcome(links.find(link.id()).orElseThrow(), false);
    }

    /**
     * A link both parties agreed to outside the request flow (the winner of a substitution contract net and its buyer):
     * requested by the buyer and accepted by the supplier at once, with the usual events; an open link between them
     * is kept as it is.
     */
    @Transactional
    public Link connect(String buyer, String supplier, List<String> materials, String reason) {
        Optional<Link> open = links.openBetween(buyer, supplier);
        if (open.isPresent()) {
            return open.get().status() == LinkStatus.ACCEPTED ? open.get() : accept(open.get().id(), Principal.node(
                    open.get().requestedBy().equals(buyer) ? supplier : buyer)).link();
        }
        Outcome requested = request(new Request("sub-" + UUID.randomUUID(), buyer, supplier, materials), Principal.node(buyer));
        return accept(requested.link().id(), Principal.node(supplier)).link();
    }

    /** Ends the accepted link between the two (the supplier left): both sides are told, with the reason. */
    @Transactional
    public void end(String buyer, String supplier, String reason) {
        links.accepted(buyer, supplier).ifPresent(link -> {
            Instant now = clock.instant();
            links.decide(link.id(), LinkStatus.ENDED, "platform", now);
            Map<String, Object> payload = new java.util.LinkedHashMap<>(linkPayload(link));
            payload.put("reason", reason);
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.LINK_ENDED, supplier, List.of(buyer), now, payload));
        });
    }

    @Transactional
    Outcome decline(String id, Principal principal) {
        Link link = decidable(id, principal, LinkStatus.DECLINED);
        if (link.status() == LinkStatus.DECLINED) {
            return new Outcome(link, true);
        }
        Instant now = clock.instant();
        String decliner = principal.requireNode();
        links.decide(link.id(), LinkStatus.DECLINED, decliner, now);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.LINK_DECLINED, decliner, List.of(link.requestedBy()),
                now, linkPayload(link)));
        return new Outcome(links.find(link.id()).orElseThrow(), false);
    }

    /**
     * Marks requests unanswered for the counterpart's wait × (retries + 1) as TIMED_OUT and tells both sides.
     * Returns how many expired.
     */
    @Transactional
    public int expireUnanswered(Instant now) {
        int expired = 0;
        for (Link link : links.withStatus(LinkStatus.REQUESTED)) {
            String silent = link.counterpartOfRequester();
            ResponseTimeout timeout = nodes.find(silent).map(n -> timeoutOf(n.config())).orElse(ResponseTimeout.DEFAULT);
            if (!timeout.expired(link.requestedAt(), now) || links.lock(link.id()).filter(l -> l.status() == LinkStatus.REQUESTED).isEmpty()) {
                continue;
            }
            links.decide(link.id(), LinkStatus.TIMED_OUT, "platform", now);
            Map<String, Object> payload = linkPayload(link);
            payload.put("silentNode", silent);
            payload.put("sentAt", link.requestedAt().toString());
            payload.put("silenceLimit", timeout.silenceLimit().toString());
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.RESPONSE_TIMED_OUT, silent,
                    List.of(link.requestedBy()), now, payload));
            expired++;
        }
        return expired;
    }

    /** A link for its two parties (or the operator); to anyone else it does not exist (404). */
    Link read(String id, Principal principal) {
        String key = OwnedKeys.require(links.jdbc(), LINKS, principal.isOperator() ? null : principal.requireNode(), id, "link");
        return links.find(key).orElseThrow();
    }

    List<Link> list(Principal principal) {
        return principal.isOperator() ? links.all() : links.involving(principal.requireNode());
    }

    private Link decidable(String id, Principal principal, LinkStatus wanted) {
        String node = principal.requireNode();
        String key = OwnedKeys.require(links.jdbc(), LINKS, node, id, "link");
        Link link = links.lock(key).orElseThrow(() -> new NotFoundException("link " + id + " does not exist"));
        if (node.equals(link.requestedBy())) {
            throw new ForbiddenException("the requester cannot decide its own link request; " + link.counterpartOfRequester() + " decides");
        }
        if (link.status() != LinkStatus.REQUESTED && link.status() != wanted) {
            throw new ConflictException("link " + id + " is " + link.status() + " and can no longer be " + wanted.name().toLowerCase());
        }
        return link;
    }

    private void validate(Request request) {
        List<Problem> problems = new ArrayList<>();
        if (request.id() != null && !request.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            problems.add(new Problem("id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        if (!NodeId.isValid(request.buyer())) {
            problems.add(new Problem("buyer", "must be a node id"));
        }
        if (!NodeId.isValid(request.supplier())) {
            problems.add(new Problem("supplier", "must be a node id"));
        }
        if (request.buyer() != null && request.buyer().equals(request.supplier())) {
            problems.add(new Problem("supplier", "must differ from the buyer"));
        }
        if (request.transit() != null) {
            try {
                java.time.Duration t = java.time.Duration.parse(request.transit());
                if (t.isNegative() || t.compareTo(java.time.Duration.ofDays(90)) > 0) {
                    problems.add(new Problem("transit", "must lie between PT0S and P90D"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new Problem("transit", "must be an ISO 8601 duration such as PT18H"));
            }
        }
        if (request.materials() == null || request.materials().isEmpty()) {
            problems.add(new Problem("materials", "must list at least one material"));
        } else {
            for (int i = 0; i < request.materials().size(); i++) {
                String code = request.materials().get(i);
                MaterialCode.Parsed parsed = MaterialCode.parse(code);
                if (!parsed.ok()) {
                    problems.add(new Problem("materials[" + i + "]", parsed.error()));
                } else if (parsed.code().kind() == MaterialCode.Kind.PLATFORM && !dictionary.exists(code)) {
                    problems.add(new Problem("materials[" + i + "]", "platform code '" + code + "' is not in the dictionary"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Map<String, Object> linkPayload(Link link) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("linkId", link.id());
        payload.put("buyer", link.buyer());
        payload.put("supplier", link.supplier());
        payload.put("materials", link.materials());
        payload.put("requestedBy", link.requestedBy());
        return payload;
    }

    private static Map<String, Object> acceptedPayload(Link link, NodeRecord counterpart) {
        Map<String, Object> payload = linkPayload(link);
        payload.put("counterpart", counterpart.id());
        payload.put("version", counterpart.version());
        payload.put("config", counterpart.config());
        return payload;
    }

    @SuppressWarnings("unchecked")
    static ResponseTimeout timeoutOf(Map<String, Object> config) {
        Map<String, Object> t = (Map<String, Object>) config.get("response-timeout");
        return new ResponseTimeout(java.time.Duration.parse((String) t.get("wait")), ((Number) t.get("retries")).intValue());
    }
}
