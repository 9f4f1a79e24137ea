package org.hanse.app.simulation;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.hanse.app.security.SignedInPerson;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.sim.Scenario;
import org.hanse.sim.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Simulation runs started from the web UI: queued on one background worker (each run already uses every core), their
 * progress counted in replication-days, kept in memory (a run is reproducible from its scenario and seed) up to the
 * newest {@link #KEPT}. Each run is its starter's; the platform operator sees all.
 */
@Service
class SimulationRuns {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationRuns.class);

    static final int KEPT = 30;
    /** Larger scenarios belong on the command line ({@code hanse simulate}), not in a shared server. */
    static final long MAX_NODE_DAYS = 20_000_000L;

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** One run: who started it, how far it is, and its result when done. */
    static final class State {
        final String id;
        final String owner;
        final String name;
        final Instant startedAt;
        final long totalDays;
        final AtomicLong doneDays = new AtomicLong();
        volatile Status status = Status.QUEUED;
        volatile Simulator.Run result;
        volatile String error;

        State(String id, String owner, String name, Instant startedAt, long totalDays) {
            this.id = id;
            this.owner = owner;
            this.name = name;
            this.startedAt = startedAt;
            this.totalDays = totalDays;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public Status status() {
            return status;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public int percent() {
            return status == Status.DONE ? 100 : (int) Math.min(99, doneDays.get() * 100 / Math.max(1, totalDays));
        }

        public String error() {
            return error;
        }
    }

    private final Map<String, State> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hanse-simulation");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    SimulationRuns(Clock clock) {
        this.clock = clock;
    }

    State start(Scenario scenario, SignedInPerson by) {
        long nodeDays = Simulator.nodeDays(scenario);
        if (nodeDays > MAX_NODE_DAYS) {
            throw new InvalidInputException("scenario", "is too large for the server (" + nodeDays + " node-days, at most " + MAX_NODE_DAYS
                    + "); run it with 'hanse simulate'");
        }
        State state = new State(UUID.randomUUID().toString().substring(0, 8), by.email(), scenario.name(), clock.instant(),
                (long) scenario.horizon() * scenario.replications());
        runs.put(state.id, state);
        evict();
        worker.submit(() -> {
            state.status = Status.RUNNING;
            try {
                state.result = Simulator.run(scenario, Runtime.getRuntime().availableProcessors(), state.doneDays::set);
                state.status = Status.DONE;
            } catch (RuntimeException | Error e) {
                LOG.warn("simulation {} failed", state.id, e);
                state.error = String.valueOf(e.getMessage());
                state.status = Status.FAILED;
            }
        });
        return state;
    }

    State read(String id, SignedInPerson by) {
        State state = runs.get(id);
        if (state == null) {
            throw new NotFoundException("simulation run " + id + " does not exist (runs are kept until the server restarts)");
        }
        if (!by.isPlatformOperator() && !state.owner.equals(by.email())) {
            throw new ForbiddenException("a simulation run is visible to the person who started it");
        }
        return state;
    }

    List<State> list(SignedInPerson by) {
        List<State> mine = new ArrayList<>();
        for (State s : runs.values()) {
            if (by.isPlatformOperator() || s.owner.equals(by.email())) {
                mine.add(s);
            }
        }
        mine.sort(Comparator.comparing((State s) -> s.startedAt).reversed());
        return mine;
    }

    private void evict() {
        if (runs.size() <= KEPT) {
            return;
        }
        runs.values().stream().filter(s -> s.status == Status.DONE || s.status == Status.FAILED)
                .min(Comparator.comparing((State s) -> s.startedAt))
                .ifPresent(s -> runs.remove(s.id));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
