package org.hanse.app.ledger;

import java.util.Optional;
import java.util.Set;

/**
 * SPI each module that records evidence implements (as a bean): rebuilds an entry's {@link Evidence} from the rows it
 * stores today, so that {@code hanse ledger audit} can tell a record edited after the fact.
 */
public interface LedgerRecords {

    /** The entry kinds this module records, e.g. {@code order.placed}. */
    Set<String> kinds();

    /** The evidence as the stored record reads now; empty when the record is gone. */
    Optional<Evidence> evidence(String kind, String recordId);

    /** True when the record was replaced by design (e.g. an earlier revision): its leaf stays as history, not an error. */
    default boolean retired(String kind, String recordId) {
        return false;
    }
}
