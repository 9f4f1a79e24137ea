/** The event backbone: node-to-node events logged once, fanned out through the transactional outbox into per-node inboxes, read as a cursor feed or a server-sent-events stream. */
package org.hanse.app.messaging;
