package org.hanse.app.messaging;

/** How an event reaches live subscribers: pushed at once, or only through the feed (picked up at the next poll or push). */
public enum Delivery {
    REAL_TIME, FEED
}
