package org.hanse.app.messaging;

import java.util.List;
import org.hanse.core.event.EventType;

/**
 * Application event announcing a logged node event. Kept small on purpose: it is what the event
 * publication registry (the outbox) stores; listeners load the full envelope with {@link NodeEvents#find}.
 */
public record NodeEventPublished(String eventId, EventType type, String sender, List<String> recipients, Delivery delivery) {
}
