package org.hanse.app.messaging;

import org.hanse.core.event.NodeEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fans a published event out to its recipients' inboxes. Runs after the publishing transaction commits;
 * the event publication registry retries it after a crash, and a repeated delivery changes nothing.
 */
@Component
class InboxDelivery {

    private final NodeEvents events;
    private final Inbox inbox;
    private final LiveFeeds liveFeeds;

    InboxDelivery(NodeEvents events, Inbox inbox, LiveFeeds liveFeeds) {
        this.events = events;
        this.inbox = inbox;
        this.liveFeeds = liveFeeds;
    }

    @ApplicationModuleListener
    void on(NodeEventPublished published) {
        deliver(published.eventId(), published.delivery() != Delivery.FEED);
    }

    /** Delivers one logged event; safe to call any number of times. */
    void deliver(String eventId, boolean wakeLiveFeeds) {
        NodeEvent event = events.find(eventId).orElseThrow(() -> new IllegalStateException("event " + eventId + " is not logged"));
        for (String recipient : event.recipients()) {
            if (inbox.deliver(recipient, eventId) && wakeLiveFeeds) {
                liveFeeds.wake(recipient);
            }
        }
    }
}
