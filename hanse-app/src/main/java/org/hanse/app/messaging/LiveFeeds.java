package org.hanse.app.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent-event subscribers per node. Each subscriber has its own cursor, so a wake-up sends exactly
 * the inbox entries it has not seen, in order, whatever woke it.
 */
@Component
class LiveFeeds {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final int BATCH = 200;

    private final Inbox inbox;
    private final InboxFeedJson feedJson;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

    LiveFeeds(Inbox inbox, InboxFeedJson feedJson) {
        this.inbox = inbox;
        this.feedJson = feedJson;
    }

    /** A stream for {@code nodeId} that first replays everything after {@code afterSeq}, then follows live. */
    SseEmitter subscribe(String nodeId, long afterSeq) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, afterSeq);
        List<Subscriber> list = subscribers.computeIfAbsent(nodeId, k -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        Runnable remove = () -> list.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // A comment first, so the response headers go out even when nothing is waiting.
            emitter.send(SseEmitter.event().comment("connected to " + nodeId));
        } catch (IOException e) {
            remove.run();
            emitter.completeWithError(e);
            return emitter;
        }
        send(nodeId, subscriber);
        return emitter;
    }

    /**
     * Ends every open stream when the server stops, before the web server's graceful shutdown: a live feed never ends
     * by itself, so otherwise the shutdown waits out its whole grace period for them. Clients reconnect with
     * Last-Event-ID and miss nothing.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        subscribers.values().forEach(list -> list.forEach(subscriber -> {
            synchronized (subscriber) {
                subscriber.emitter.complete();
            }
        }));
        subscribers.clear();
    }

    void wake(String nodeId) {
        for (Subscriber subscriber : subscribers.getOrDefault(nodeId, List.of())) {
            send(nodeId, subscriber);
        }
    }

    private void send(String nodeId, Subscriber subscriber) {
        synchronized (subscriber) {
            try {
                List<Inbox.Entry> entries;
                do {
                    entries = inbox.after(nodeId, subscriber.cursor, BATCH);
                    for (Inbox.Entry entry : entries) {
                        subscriber.emitter.send(SseEmitter.event()
                                .id(Long.toString(entry.seq()))
                                .name(entry.event().type().name())
                                .data(feedJson.toJson(entry), org.springframework.http.MediaType.APPLICATION_JSON));
                        subscriber.cursor = entry.seq();
                    }
                } while (entries.size() == BATCH);
            } catch (IOException | IllegalStateException gone) {
                subscriber.emitter.completeWithError(gone);
                subscribers.getOrDefault(nodeId, List.of()).remove(subscriber);
            }
        }
    }

    private static final class Subscriber {
        final SseEmitter emitter;
        long cursor;

        Subscriber(SseEmitter emitter, long cursor) {
            this.emitter = emitter;
            this.cursor = cursor;
        }
    }
}
