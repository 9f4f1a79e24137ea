package org.hanse.app.messaging;

/** The wire payload of a RESPONSE_TIMED_OUT about a tracked request: which request, to whom, since when, how often re-sent. */
record ResponseTimedOutPayload(String request, String requestType, String order, String silentNode, String sentAt,
                               String silenceLimit, int redelivered) {
}
