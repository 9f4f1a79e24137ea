package org.hanse.app.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.UnprocessableException;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.event.ProxyConversion;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events a node sends itself: to its accepted neighbours only, or, with {@code about}, on behalf of a
 * neighbour that lacks the event's module (proxy conversion, flagged {@code proxy=true, by=sender}).
 */
@Service
class PartnerEvents {

    private final LinkRepository links;
    private final NodeRegistry registry;
    private final NodeEvents events;
    private final Clock clock;
    private final List<MissedDeliveries> missedDeliveries;

    PartnerEvents(LinkRepository links, NodeRegistry registry, NodeEvents events, Clock clock, List<MissedDeliveries> missedDeliveries) {
        this.links = links;
        this.missedDeliveries = missedDeliveries;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    /** An event as posted; {@code recipients} may be left out for a proxy event (then: all of the subject's other neighbours). */
    record Send(String id, String type, List<String> recipients, String about, Map<String, Object> payload) {
    }

    @Transactional
    NodeEvents.Publication send(Send send, Principal principal) {
        String sender = principal.requireNode();
        List<Problem> problems = new ArrayList<>();
        if (send.id() == null || !send.id().matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            problems.add(new Problem("id", "is required: 1 to 100 letters, digits, '.', '_', ':' or '-' chosen by the sender"));
        }
        Optional<EventType> type = EventType.ofName(send.type());
        if (type.isEmpty() || !type.get().sendableByNodes()) {
            problems.add(new Problem("type", "must be one of " + java.util.Arrays.stream(EventType.values())
                    .filter(EventType::sendableByNodes).map(Enum::name).toList()));
        }
        if (send.about() == null && (send.recipients() == null || send.recipients().isEmpty())) {
            problems.add(new Problem("recipients", "must name at least one accepted neighbour"));
        }
        if (type.isPresent() && type.get() == EventType.DELIVERY_MISSED
                && (send.payload() == null || !(send.payload().get("order") instanceof String o) || o.isBlank() || o.length() > 200)) {
            problems.add(new Problem("payload.order", "is required: the id of the order whose delivery was missed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<String> neighbours = links.neighbours(sender);
        String key = events.keyFor(sender, send.id());
        NodeEvent event;
        if (send.about() == null) {
            List<String> recipients = List.copyOf(new TreeSet<>(send.recipients()));
            requireAllIn(recipients, neighbours, "recipients must be accepted neighbours of " + sender);
            event = new NodeEvent(key, type.get(), sender, recipients, clock.instant(), NodeEvent.SCHEMA_VERSION,
                    send.payload(), false, null, null);
        } else {
            String subject = send.about();
            ProxyConversion.refusal(type.get(), registry.modulesOf(subject), neighbours.contains(subject))
                    .ifPresent(reason -> {
                        throw new ForbiddenException(reason);
                    });
            Set<String> subjectsNeighbours = new TreeSet<>(links.neighbours(subject));
            subjectsNeighbours.remove(sender);
            List<String> recipients = send.recipients() == null || send.recipients().isEmpty()
                    ? List.copyOf(subjectsNeighbours) : List.copyOf(new TreeSet<>(send.recipients()));
            requireAllIn(recipients, subjectsNeighbours, "proxy events go only to the other neighbours of " + subject);
            if (recipients.isEmpty()) {
                throw new InvalidInputException("about", subject + " has no other neighbour to inform");
            }
            event = new NodeEvent(key, type.get(), sender, recipients, clock.instant(), NodeEvent.SCHEMA_VERSION,
                    send.payload(), true, sender, subject);
        }
        if (type.get() == EventType.DELIVERY_MISSED) {
            // Checked against the order and its shipments: a report of a delivery not yet due, or made, is refused.
            String order = (String) send.payload().get("order");
            for (MissedDeliveries check : missedDeliveries) {
                check.refusal(sender, send.about(), order, clock.instant()).ifPresent(reason -> {
                    throw new UnprocessableException("payload.order", reason);
                });
            }
        }
        return events.publish(event);
    }

    private static void requireAllIn(List<String> recipients, Set<String> allowed, String message) {
        List<String> outside = recipients.stream().filter(r -> !allowed.contains(r)).toList();
        if (!outside.isEmpty()) {
            throw new ForbiddenException(message + "; not allowed: " + outside);
        }
    }
}
