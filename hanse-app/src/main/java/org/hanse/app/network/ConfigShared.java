package org.hanse.app.network;

/** Internal event: a logged node event carries a config to neighbours (CONFIG_CHANGED or LINK_ACCEPTED); views follow it. */
record ConfigShared(String eventId) {
}
