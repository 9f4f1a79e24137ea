package org.hanse.app.messaging;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.app.security.Principal;
import org.hanse.app.web.Page;
import org.hanse.app.web.Polling;
import org.hanse.core.event.EventType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The workspace's warnings panel: the exceptions and warnings in the node's inbox that someone should act on, newest first. */
@Page
class InboxPages {

    /** Inbox events a person should see and, mostly, act on. */
    static final Set<String> ACTIONABLE = Set.of(EventType.STOCKOUT_WARNING.name(), EventType.EXPEDITE_REQUEST.name(), EventType.EXPEDITE_REQUESTED.name(),
            EventType.EMERGENCY_TRANSFER.name(), EventType.DUE_DATE_AT_RISK.name(), EventType.DELIVERY_MISSED.name(),
            EventType.RESPONSE_TIMED_OUT.name(), EventType.UNMATCHED_PAYMENT.name(), EventType.PENALTY_REPORTED.name(),
            EventType.EXIT_INTENTION.name(), EventType.EXIT_DETECTED.name(), EventType.BACKUP_LIST_SHORT.name(),
            EventType.SUBSTITUTION_REQUEST.name(), EventType.SUBSTITUTION_FAILED.name(), EventType.INTEGRITY_MISMATCH.name(),
            EventType.CORRECTION_PROPOSED.name());

    static final int SHOWN = 20;

    private final Inbox inbox;

    InboxPages(Inbox inbox) {
        this.inbox = inbox;
    }

    /** A warning as a row: its type in words and the payload's plain facts. */
    record Warning(String id, String type, String title, String sender, java.time.Instant time, Map<String, String> facts, boolean severe) {
    }

    @GetMapping("/ui/nodes/{id}/warnings")
    String panel(@PathVariable String id, @RequestParam(required = false) String since, Principal principal, Model model,
                 HttpServletResponse response) {
        principal.requireSelfOrOperator(id);
        List<Warning> warnings = new ArrayList<>();
        for (Inbox.Entry entry : inbox.latest(id, ACTIONABLE, SHOWN)) {
            warnings.add(warning(entry));
        }
        String fingerprint = Polling.fingerprint(warnings.stream().map(Warning::id).toList());
        if (Polling.unchanged(since, fingerprint, response)) {
            return null;
        }
        model.addAttribute("nodeId", id);
        model.addAttribute("warnings", warnings);
        model.addAttribute("acts", principal.isNode(id));
        model.addAttribute("fingerprint", fingerprint);
        return "messaging/warnings :: list";
    }

    private static Warning warning(Inbox.Entry entry) {
        var event = entry.event();
        Map<String, String> facts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : event.payload().entrySet()) {
            Object v = e.getValue();
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                facts.put(e.getKey(), String.valueOf(v));
            }
            if (facts.size() == 5) {
                break;
            }
        }
        String type = event.type().name();
        String title = type.charAt(0) + type.substring(1).toLowerCase().replace('_', ' ');
        boolean severe = Set.of("STOCKOUT_WARNING", "DUE_DATE_AT_RISK", "DELIVERY_MISSED", "EXIT_DETECTED", "SUBSTITUTION_FAILED",
                "INTEGRITY_MISMATCH").contains(type);
        return new Warning(event.id(), type, title, event.sender(), event.time(), facts, severe);
    }
}
