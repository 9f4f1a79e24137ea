package org.hanse.app.parameters;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.core.parameters.NetworkParameters;
import org.hanse.core.parameters.NetworkParametersReader;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network's versioned parameter set: read by every rule through {@link NetworkParameterSource}, changed only by the
 * platform operator as a new version (the old ones stay, with who and when), each change announced as
 * {@link NetworkParametersChanged}. Nothing is stored from a set with any problem. Reads go to the database each time, so
 * every server instance evaluates with the version stored last.
 */
@Service
class NetworkParameterSets implements NetworkParameterSource {

    /** One entry of the history: the version, who, when and which parameters it changed against the previous one. */
    record HistoryEntry(long version, String changedBy, Instant changedAt, List<String> changed) {
    }

    static final int HISTORY_LIMIT = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ParameterRepository repository;
    private final Adjacency adjacency;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    /** Parsed versions: a stored version never changes, so every rule call after the first skips the parse. */
    private final java.util.Map<Long, NetworkParameters> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    NetworkParameterSets(ParameterRepository repository, Adjacency adjacency, ApplicationEventPublisher publisher, Clock clock) {
        this.repository = repository;
        this.adjacency = adjacency;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The current set, read from the database once per change rather than at every rule call on the order path. A
     * stored change clears it after its commit; {@code generation} keeps a read that raced with that commit from
     * putting the older set back. Several instances on one database would each need that signal (multi-instance work).
     */
    private volatile ParameterSet cached;
    private final AtomicLong generation = new AtomicLong();

    @Override
    public ParameterSet current() {
        ParameterSet set = cached;
        if (set != null) {
            return set;
        }
        long seen = generation.get();
        set = toSet(repository.latest());
        if (generation.get() == seen) {
            cached = set;
        }
        return set;
    }

    /** Forgets the cached set once the transaction storing a new version has committed (at once without one). */
    private void forgetAfterCommit() {
        Runnable forget = () -> {
            generation.incrementAndGet();
            cached = null;
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            forget.run();
                        }
                    });
        } else {
            forget.run();
        }
    }

    @Override
    public ParameterSet forPair(String buyer, String supplier) {
        ParameterSet network = current();
        Map<String, Double> overrides = pairOverrides(buyer, supplier);
        return overrides.isEmpty() ? network
                : new ParameterSet(network.version(), network.parameters().withPair(overrides), network.changedBy(), network.changedAt());
    }

    /** The pair's negotiated values (empty when it follows the network). */
    Map<String, Double> pairOverrides(String buyer, String supplier) {
        return repository.pair(buyer, supplier).map(r -> flat(JSON.readValue(r.json(), Map.class))).orElse(Map.of());
    }

    /** The outcome of a change: the set now current and whether a new version was stored. */
    record Change(ParameterSet set, boolean changed) {
    }

    /** Stores {@code tree} as the next version (operator only); the same values as the current set store nothing. */
    @Transactional
    Change update(Object tree, Principal principal) {
        requireOperator(principal);
        NetworkParameters next = NetworkParametersReader.read(tree).orElseThrow();
        ParameterRepository.VersionRow latest = repository.latestForUpdate();
        ParameterSet before = toSet(latest);
        if (before.parameters().equals(next)) {
            return new Change(before, false);
        }
        Instant now = clock.instant();
        long version = latest.version() + 1;
        try {
            repository.insert(version, JSON.writeValueAsString(next.toTree()), principal.auditName(), now);
            forgetAfterCommit();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the parameters were changed at the same time; read them again and retry");
        }
        publisher.publishEvent(new NetworkParametersChanged(before.version(), version, changed(before.parameters(), next), principal.auditName(), now));
        return new Change(new ParameterSet(version, next, principal.auditName(), now), true);
    }

    /** Newest first, at most {@link #HISTORY_LIMIT} versions. */
    List<HistoryEntry> history() {
        List<ParameterRepository.VersionRow> rows = repository.history(HISTORY_LIMIT + 1);
        List<HistoryEntry> out = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), HISTORY_LIMIT); i++) {
            ParameterSet set = toSet(rows.get(i));
            List<String> changed = i + 1 < rows.size() ? changed(toSet(rows.get(i + 1)).parameters(), set.parameters()) : List.of();
            out.add(new HistoryEntry(set.version(), set.changedBy(), set.changedAt(), changed));
        }
        return out;
    }

    /** Stores a pair's negotiated values (operator only; the pair must be an accepted link); an empty tree removes them. */
    @Transactional
    Map<String, Double> updatePair(String buyer, String supplier, Object tree, Principal principal) {
        requireOperator(principal);
        if (!adjacency.isSupplierOf(supplier, buyer)) {
            throw new InvalidInputException("supplier", "must be an accepted supplier of " + buyer);
        }
        Map<String, Double> overrides = NetworkParametersReader.readPair(tree, current().parameters()).orElseThrow();
        Instant now = clock.instant();
        repository.replacePair(buyer, supplier, JSON.writeValueAsString(new LinkedHashMap<>(overrides)), principal.auditName(), now);
        publisher.publishEvent(new PairParametersChanged(buyer, supplier, overrides, principal.auditName(), now));
        return overrides;
    }

    static void requireOperator(Principal principal) {
        if (!principal.isOperator()) {
            throw new ForbiddenException("only the platform operator changes the network's parameters");
        }
    }

    private ParameterSet toSet(ParameterRepository.VersionRow row) {
        // Stored sets were checked when stored; reading them again keeps one path from JSON to the record.
        NetworkParameters parameters = parsed.computeIfAbsent(row.version(),
                v -> NetworkParametersReader.read(JSON.readValue(row.json(), Object.class)).orElseThrow());
        return new ParameterSet(row.version(), parameters, row.changedBy(), row.changedAt());
    }

    private static List<String> changed(NetworkParameters before, NetworkParameters after) {
        Map<String, Double> a = before.values();
        return after.values().entrySet().stream().filter(e -> !e.getValue().equals(a.get(e.getKey()))).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Double> flat(Map<?, ?> stored) {
        Map<String, Double> out = new LinkedHashMap<>();
        stored.forEach((k, v) -> out.put(String.valueOf(k), ((Number) v).doubleValue()));
        return out;
    }
}
