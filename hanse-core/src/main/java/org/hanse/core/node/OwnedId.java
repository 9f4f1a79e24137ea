package org.hanse.core.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ids chosen by clients (orders, messages, events, movements, shipments, payments, links, penalties) are unique per
 * owning node: the first node to use an id stores it bare, any later one as {@code owner@id}. A caller names its own
 * resources by the bare id and anyone else's by the stored key (or {@code owner@id}); what it neither owns nor takes
 * part in is absent, so another node's id can neither be probed nor blocked. Client ids never contain '@'.
 */
public final class OwnedId {

    public static final String SEPARATOR = "@";

    private OwnedId() {
    }

    /** The key an owner's id is stored under when the bare id is taken. */
    public static String qualified(String owner, String id) {
        return owner + SEPARATOR + id;
    }

    /** The stored keys that {@code given}, named by {@code caller}, may refer to (for one {@code IN (…)} query). */
    public static List<String> candidates(String caller, String given) {
        List<String> keys = new ArrayList<>();
        keys.add(given);
        if (caller != null) {
            keys.add(qualified(caller, given));
        }
        int at = given.indexOf(SEPARATOR);
        if (at > 0) {
            keys.add(given.substring(at + 1));
        }
        return keys;
    }

    /**
     * The row {@code caller} means by {@code given} among rows stored under {@link #candidates}: its own first, then
     * the row stored under exactly that key, then {@code owner@id} for a bare id of that owner — each only if
     * {@code visible} to the caller (its owner or a party).
     */
    public static <T> Optional<T> pick(String caller, String given, List<T> rows, Function<T, String> key, Function<T, String> owner,
                                       Predicate<T> visible) {
        if (caller != null) {
            String own = qualified(caller, given);
            for (T row : rows) {
                if (key.apply(row).equals(own) && caller.equals(owner.apply(row))) {
                    return Optional.of(row);
                }
            }
        }
        for (T row : rows) {
            if (key.apply(row).equals(given) && visible.test(row)) {
                return Optional.of(row);
            }
        }
        int at = given.indexOf(SEPARATOR);
        if (at > 0) {
            String namedOwner = given.substring(0, at);
            String bare = given.substring(at + 1);
            for (T row : rows) {
                if (key.apply(row).equals(bare) && namedOwner.equals(owner.apply(row)) && visible.test(row)) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }

    /** The caller's own row for a bare id it chose (for idempotent replays), whichever key it is stored under. */
    public static <T> Optional<T> own(String caller, String given, List<T> rows, Function<T, String> key, Function<T, String> owner) {
        return pick(caller, given, rows, key, owner, row -> caller.equals(owner.apply(row)));
    }

    /** The key for a new id of {@code owner}: the bare id while no one uses it, else {@code owner@id}. */
    public static String keyFor(String owner, String given, boolean bareTaken) {
        return bareTaken ? qualified(owner, given) : given;
    }

    /** The id as its owner chose it (the owner's prefix removed); others see the stored key. */
    public static String shown(String stored, String viewer) {
        return viewer != null && stored.startsWith(viewer + SEPARATOR) ? stored.substring(viewer.length() + 1) : stored;
    }
}
