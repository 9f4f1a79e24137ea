package org.hanse.app.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hanse.core.node.OwnedId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Client-chosen ids per owner ({@link OwnedId}) against a table keyed by {@code id}: which stored key a caller means,
 * its own key for a replay, and the key for a new id. A row the caller takes no part in is never returned, so the
 * API answers 404 for it exactly as for an id nobody uses. Table and column names are constants of the callers.
 */
public final class OwnedKeys {

    /** Where a kind of resource lives: its table, the column of the node that chose the id, the columns of the other parties. */
    public record Table(String name, String ownerColumn, List<String> partyColumns) {

        public Table(String name, String ownerColumn, String... partyColumns) {
            this(name, ownerColumn, List.of(partyColumns));
        }
    }

    /** A stored row: key, owner, and every party (the owner included). */
    private record Row(String key, String owner, List<String> parties) {
    }

    private OwnedKeys() {
    }

    /** The stored key {@code given} names for {@code caller} (null: the operator, who sees every key as stored). */
    public static Optional<String> find(JdbcClient jdbc, Table table, String caller, String given) {
        List<Row> rows = rows(jdbc, table, OwnedId.candidates(caller, given));
        return OwnedId.pick(caller, given, rows, Row::key, Row::owner, r -> caller == null || r.parties().contains(caller)).map(Row::key);
    }

    /** As {@link #find}, or 404 "{what} {given} does not exist". */
    public static String require(JdbcClient jdbc, Table table, String caller, String given, String what) {
        return find(jdbc, table, caller, given).orElseThrow(() -> new NotFoundException(what + " " + given + " does not exist"));
    }

    /** The key under which {@code owner} already stored its id {@code given}, if it did (for idempotent replays). */
    public static Optional<String> own(JdbcClient jdbc, Table table, String owner, String given) {
        return OwnedId.own(owner, given, rows(jdbc, table, OwnedId.candidates(owner, given)), Row::key, Row::owner).map(Row::key);
    }

    /**
     * The key for {@code owner}'s id {@code given}: the key of its own row if it has one, else the bare id while no one
     * uses it, else owner@id. One query, one snapshot: a retry racing the original either sees the original's row (its
     * own key) or not (the bare key, whose insert then waits for the original) — never a second key of its own.
     */
    public static String newKey(JdbcClient jdbc, Table table, String owner, String given) {
        List<Row> rows = rows(jdbc, table, OwnedId.candidates(owner, given));
        return OwnedId.own(owner, given, rows, Row::key, Row::owner).map(Row::key)
                .orElseGet(() -> OwnedId.keyFor(owner, given, rows.stream().anyMatch(r -> r.key().equals(given))));
    }

    private static List<Row> rows(JdbcClient jdbc, Table table, List<String> keys) {
        List<String> columns = new ArrayList<>();
        columns.add(table.ownerColumn());
        columns.addAll(table.partyColumns());
        String sql = "SELECT id, " + String.join(", ", columns) + " FROM " + table.name() + " WHERE id IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
        return jdbc.sql(sql).params(List.copyOf(keys)).query((rs, n) -> {
            List<String> parties = new ArrayList<>();
            for (int i = 2; i <= columns.size() + 1; i++) {
                parties.add(rs.getString(i));
            }
            return new Row(rs.getString(1), rs.getString(2), parties);
        }).list();
    }
}
