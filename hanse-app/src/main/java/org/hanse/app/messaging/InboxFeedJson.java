package org.hanse.app.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hanse.core.event.NodeEvent;
import org.springframework.stereotype.Component;

/** The JSON shape of an event in a node's feed (the same in the polled feed and the stream). */
@Component
class InboxFeedJson {

    Map<String, Object> toJson(Inbox.Entry entry) {
        NodeEvent e = entry.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cursor", Long.toString(entry.seq()));
        m.put("id", e.id());
        m.put("type", e.type().name());
        m.put("sender", e.sender());
        m.put("recipients", e.recipients());
        m.put("time", e.time().toString());
        m.put("schemaVersion", e.schemaVersion());
        m.put("proxy", e.proxy());
        if (e.proxy()) {
            m.put("proxyBy", e.proxyBy());
            m.put("about", e.about());
        }
        m.put("payload", e.payload());
        return m;
    }
}
