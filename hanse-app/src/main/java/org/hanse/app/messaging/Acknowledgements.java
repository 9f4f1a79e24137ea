package org.hanse.app.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.node.Redelivery;
import org.hanse.core.node.ResponseTimeout;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that expect an answer (RULES 3.8): each delivered request of a configured type is tracked per recipient
 * until the recipient acknowledges it or answers it (a supplier's own decision on an order, i.e. an override); the
 * sweep re-delivers unanswered ones with back-off ({@link Redelivery}) and times them out after the recipient's
 * declared wait × (retries + 1): RESPONSE_TIMED_OUT to the requester and a {@link ResponseTimedOut} for trust.
 */
@Service
public class Acknowledgements {

    private final Expectations expectations;
    private final NodeEvents events;
    private final Inbox inbox;
    private final LiveFeeds liveFeeds;
    private final ResponseTimeouts timeouts;
    private final AckProperties settings;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    Acknowledgements(Expectations expectations, NodeEvents events, Inbox inbox, LiveFeeds liveFeeds, ResponseTimeouts timeouts,
                     AckProperties settings, ApplicationEventPublisher publisher, JsonMapper json, Clock clock) {
        this.expectations = expectations;
        this.events = events;
        this.inbox = inbox;
        this.liveFeeds = liveFeeds;
        this.timeouts = timeouts;
        this.settings = settings;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /** An answered request: who answered whom, sent and answered when. */
    public record Answered(String request, String type, String sender, String recipient, Instant sentAt, Instant answeredAt) {

        public Duration delay() {
            return Duration.between(sentAt, answeredAt);
        }
    }

    /** The outcome of an acknowledgement, as the API shows it. */
    record Ack(String event, String type, String status, Instant sentAt, Instant answeredAt, int redelivered) {
    }

    @ApplicationModuleListener
    void on(NodeEventPublished published) {
        if (settings.types().contains(published.type())) {
            NodeEvent e = events.find(published.eventId()).orElseThrow();
            for (String recipient : e.recipients()) {
                expectations.track(e.id(), recipient, e.sender(), e.type().name(), order(e), e.time());
            }
        } else if (published.type() == EventType.ORDER_RESPONSE || published.type() == EventType.ORDER_STATUS) {
            closeOrderRequests(events.find(published.eventId()).orElseThrow());
        }
    }

    /**
     * The supplier's own override answers the order (the server's automatic decision, sent at once on its behalf, does
     * not); the buyer's withdrawal ends the wait without an answer, so it neither times out nor counts as a response delay.
     */
    private void closeOrderRequests(NodeEvent e) {
        String order = order(e);
        if (order == null) {
            return;
        }
        if (e.type() == EventType.ORDER_RESPONSE && e.payload().get("override") != null) {
            for (String buyer : e.recipients()) {
                expectations.openAbout(EventType.ORDER_PLACED.name(), buyer, e.sender(), order)
                        .forEach(x -> expectations.answer(x.event(), x.recipient(), "ANSWER", e.time()));
            }
        } else if (e.type() == EventType.ORDER_STATUS && "WITHDRAWN".equals(e.payload().get("status"))) {
            for (String supplier : e.recipients()) {
                expectations.openAbout(EventType.ORDER_PLACED.name(), e.sender(), supplier, order)
                        .forEach(x -> expectations.answer(x.event(), x.recipient(), "WITHDRAWN", e.time()));
            }
        }
    }

    /** The recipient acknowledges a request in its inbox: 404 if it never got it, 409 once it timed out; repeats answer the same. */
    @Transactional
    Ack acknowledge(String node, String eventId) {
        if (!events.deliveredTo(eventId, node)) {
            throw new NotFoundException("event " + eventId + " is not in the inbox of " + node);
        }
        Instant now = clock.instant();
        Expectations.Expectation x = expectations.find(eventId, node).orElse(null);
        if (x == null) {
            NodeEvent e = events.find(eventId).orElseThrow();
            return new Ack(eventId, e.type().name(), "NOT_EXPECTED", e.time(), null, 0);
        }
        if (x.timedOutAt() != null) {
            throw new ConflictException("event " + eventId + " timed out at " + x.timedOutAt() + "; it can no longer be acknowledged");
        }
        expectations.answer(eventId, node, "ACK", now);
        Expectations.Expectation done = expectations.find(eventId, node).orElseThrow();
        return new Ack(eventId, done.type(), "WITHDRAWN".equals(done.answeredBy()) ? "WITHDRAWN" : "ANSWERED", done.sentAt(),
                done.answeredAt(), done.redelivered());
    }

    /** One pass over the open requests: re-deliveries due and time-outs. Returns how many timed out. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        int timedOut = 0;
        for (Expectations.Expectation x : expectations.open(settings.batch())) {
            ResponseTimeout timeout = timeouts.of(x.recipient());
            Redelivery.Step step = Redelivery.next(x.sentAt(), x.redelivered(), timeout, settings.backoff(), now);
            if (step == Redelivery.Step.REDELIVER && expectations.redelivered(x, now)) {
                inbox.redeliver(x.recipient(), x.event());
                liveFeeds.wake(x.recipient());
            } else if (step == Redelivery.Step.TIME_OUT && expectations.timedOut(x, now)) {
                timeOut(x, timeout, now);
                timedOut++;
            }
        }
        return timedOut;
    }

    private void timeOut(Expectations.Expectation x, ResponseTimeout timeout, Instant now) {
        ResponseTimedOutPayload payload = new ResponseTimedOutPayload(x.event(), x.type(), x.order(), x.recipient(), x.sentAt().toString(),
                timeout.silenceLimit().toString(), x.redelivered());
        @SuppressWarnings("unchecked")
        Map<String, Object> wire = json.convertValue(payload, Map.class);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.RESPONSE_TIMED_OUT, x.recipient(), List.of(x.sender()), now, wire));
        publisher.publishEvent(new ResponseTimedOut(x.event(), x.type(), x.sender(), x.recipient(), x.order(), x.sentAt(), now,
                timeout.silenceLimit(), x.redelivered()));
    }

    /** Requests answered since {@code since}, oldest answer first (response delays per link). */
    public List<Answered> answeredSince(Instant since) {
        return expectations.answeredSince(null, since).stream().map(Acknowledgements::answered).toList();
    }

    /** Requests {@code recipient} answered since {@code since}, oldest answer first (its response delays). */
    public List<Answered> answeredBy(String recipient, Instant since) {
        return expectations.answeredSince(recipient, since).stream().map(Acknowledgements::answered).toList();
    }

    private static Answered answered(Expectations.Expectation x) {
        return new Answered(x.event(), x.type(), x.sender(), x.recipient(), x.sentAt(), x.answeredAt());
    }

    private static String order(NodeEvent e) {
        return e.payload() != null && e.payload().get("order") instanceof String s ? s : null;
    }
}
