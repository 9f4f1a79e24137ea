package org.hanse.app.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A downstream node's answer to a stockout warning (RULES 3.6): {@code action} and the fields that action needs —
 * LOWER_CONSUMPTION {@code dailyRate}; BACKUP_SUPPLIER {@code supplier}; EMERGENCY_TRANSFER {@code from} and
 * {@code quantity} (LATERAL_TRANSFER names the node {@code peer}); EXPEDITE {@code order} and the earlier {@code due}.
 */
record WarningAnswer(@Size(max = 40) String action, Double dailyRate, @Size(max = 100) String supplier, @Size(max = 100) String peer,
                     @Size(max = 100) String from, Double quantity, @Size(max = 200) String order, @Size(max = 40) String due) {

    /** What an answer did: the answer's own fields and what it created (a transfer, an expedite request). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(Double dailyRate, String supplier, String peer, Double quantity, String transfer, String order, Instant currentDue,
                  Instant requestedDue) {

        static Detail rate(double rate) {
            return new Detail(rate, null, null, null, null, null, null, null);
        }

        static Detail backup(String supplier) {
            return new Detail(null, supplier, null, null, null, null, null, null);
        }

        static Detail transfer(String peer, double quantity, String transfer) {
            return new Detail(null, null, peer, quantity, transfer, null, null, null);
        }

        static Detail expedite(String order, Instant currentDue, Instant requestedDue) {
            return new Detail(null, null, null, null, null, order, currentDue, requestedDue);
        }

        /** The fields that are set, in declaration order: the stored record and the WARNING_ANSWERED payload. */
        Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "dailyRate", dailyRate);
            put(m, "supplier", supplier);
            put(m, "peer", peer);
            put(m, "quantity", quantity);
            put(m, "transfer", transfer);
            put(m, "order", order);
            put(m, "currentDue", currentDue == null ? null : currentDue.toString());
            put(m, "requestedDue", requestedDue == null ? null : requestedDue.toString());
            return m;
        }

        private static void put(Map<String, Object> m, String key, Object value) {
            if (value != null) {
                m.put(key, value);
            }
        }
    }

    /** The answer as the API returns it and as WARNING_ANSWERED carries it. */
    record Answered(String warning, String node, String action, Detail detail) {

        Map<String, Object> payload() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("warning", warning);
            m.put("node", node);
            m.put("action", action);
            m.put("detail", detail.fields());
            return m;
        }
    }

    /** The EXPEDITE_REQUESTED event to the order's supplier: which order, for which warning, by when instead of when. */
    record ExpediteRequested(String warning, String order, String buyer, String material, Instant currentDue, Instant requestedDue) {

        Map<String, Object> payload() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("warning", warning);
            m.put("order", order);
            m.put("buyer", buyer);
            m.put("material", material);
            m.put("currentDue", currentDue.toString());
            m.put("requestedDue", requestedDue.toString());
            return m;
        }
    }
}
