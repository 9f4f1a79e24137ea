package org.hanse.app.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A node's inbox: {@code GET /api/v1/nodes/{id}/events?after=&limit=} and its live stream. Only the node itself (or the operator) reads it. */
@RestController
@RequestMapping("/api/v1/nodes/{id}/events")
class InboxController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final Inbox inbox;
    private final InboxFeedJson feedJson;
    private final LiveFeeds liveFeeds;

    InboxController(Inbox inbox, InboxFeedJson feedJson, LiveFeeds liveFeeds) {
        this.inbox = inbox;
        this.feedJson = feedJson;
        this.liveFeeds = liveFeeds;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> feed(@PathVariable String id, @RequestParam(required = false) String after,
                             @RequestParam(required = false) String limit, Principal principal) {
        principal.requireSelfOrOperator(id);
        long cursor = parseCursor("after", after);
        int max = parseLimit(limit);
        List<Inbox.Entry> entries = inbox.after(id, cursor, max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", entries.stream().map(feedJson::toJson).toList());
        body.put("next", entries.isEmpty() ? Long.toString(cursor) : Long.toString(entries.get(entries.size() - 1).seq()));
        return body;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String id, @RequestParam(required = false) String after,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Principal principal) {
        principal.requireSelfOrOperator(id);
        long cursor = lastEventId != null ? parseCursor("Last-Event-ID", lastEventId) : parseCursor("after", after);
        return liveFeeds.subscribe(id, cursor);
    }

    private static long parseCursor(String name, String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            long cursor = Long.parseLong(value);
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(List.of(new Problem(name, "must be a cursor returned as 'next' by this feed")));
    }

    private static int parseLimit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(List.of(new Problem("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
    }
}
