package org.hanse.app.simulation;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.hanse.app.security.SignedInPerson;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.TooManyRequestsException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.sim.HtmlReport;
import org.hanse.sim.Scenario;
import org.hanse.sim.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Simulation runs started from the web UI: queued on one background worker (each run already uses every core), their
 * progress counted in replication-days, kept in memory (a run is reproducible from its scenario and seed) within
 * {@link SimulationLimits}. A finished run keeps only what its pages show (the rendered report, the summary), not the
 * daily series. Each run is its starter's; the platform operator sees all.
 */
@Service
class SimulationRuns {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationRuns.class);

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** One run: who started it, how far it is, and its result when done. */
    static final class State {
        final String id;
        final String owner;
        final String name;
        final Instant startedAt;
        final long sequence;
        final long totalDays;
        final AtomicLong doneDays = new AtomicLong();
        volatile Status status = Status.QUEUED;
        /** Scenario and summary only (no series): what compare and summary.json read. */
        volatile Simulator.Run result;
        /** The report as the run page shows it, rendered once when the run finished. */
        volatile String report;
        volatile String error;

        State(String id, String owner, String name, Instant startedAt, long sequence, long totalDays) {
            this.id = id;
            this.owner = owner;
            this.name = name;
            this.startedAt = startedAt;
            this.sequence = sequence;
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

        public String report() {
            return report;
        }

        boolean active() {
            return status == Status.QUEUED || status == Status.RUNNING;
        }
    }

    private final Map<String, State> runs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService ownWorker;
    private final Executor worker;
    private final Clock clock;
    private final SimulationLimits limits;

    @Autowired
    SimulationRuns(Clock clock, SimulationLimits limits) {
        this(clock, limits, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hanse-simulation");
            t.setDaemon(true);
            return t;
        }));
    }

    /** With the given worker (tests run the queue by hand). */
    SimulationRuns(Clock clock, SimulationLimits limits, Executor worker) {
        this.clock = clock;
        this.limits = limits;
        this.worker = worker;
        this.ownWorker = worker instanceof ExecutorService service ? service : null;
    }

    State start(Scenario scenario, SignedInPerson by) {
        long nodeDays = Simulator.nodeDays(scenario);
        if (nodeDays > limits.maxNodeDays()) {
            throw new InvalidInputException("scenario", "is too large for the server (" + nodeDays + " node-days, at most "
                    + limits.maxNodeDays() + "); run it with 'hanse simulate'");
        }
        State state;
        // Counting and adding under one lock, so two quick clicks cannot both pass the count.
        synchronized (this) {
            if (count(s -> s.owner.equals(by.email()) && s.active()) >= limits.maxActivePerPerson()) {
                throw new TooManyRequestsException("you have " + limits.maxActivePerPerson()
                        + " simulation runs queued or running; start another when one has finished", Duration.ofSeconds(10));
            }
            if (count(s -> s.status == Status.QUEUED) >= limits.maxQueued()) {
                throw new TooManyRequestsException("the simulator has " + limits.maxQueued() + " runs waiting; try again later",
                        Duration.ofSeconds(30));
            }
            state = new State(UUID.randomUUID().toString().substring(0, 8), by.email(), scenario.name(), clock.instant(),
                    sequence.incrementAndGet(), (long) scenario.horizon() * scenario.replications());
            runs.put(state.id, state);
        }
        evict(state.owner);
        worker.execute(() -> execute(state, scenario));
        return state;
    }

    private void execute(State state, Scenario scenario) {
        state.status = Status.RUNNING;
        try {
            Simulator.Run run = Simulator.run(scenario, Runtime.getRuntime().availableProcessors(), state.doneDays::set);
            state.report = HtmlReport.body(run);
            // The daily series are drawn into the report already; dropping them frees most of the run's memory.
            state.result = new Simulator.Run(run.scenario(), run.summary(), null, null);
            state.status = Status.DONE;
        } catch (RuntimeException | Error e) {
            LOG.warn("simulation {} failed", state.id, e);
            state.error = String.valueOf(e.getMessage());
            state.status = Status.FAILED;
        }
        evict(state.owner);
    }

    State read(String id, SignedInPerson by) {
        State state = runs.get(id);
        if (state == null) {
            throw new NotFoundException("simulation run " + id + " does not exist (runs are kept until the server restarts,"
                    + " the oldest finished ones are forgotten)");
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
        mine.sort(Comparator.comparingLong((State s) -> s.sequence).reversed());
        return mine;
    }

    /** Forgets the oldest finished runs beyond the owner's share, then beyond the server's; running ones stay. */
    private synchronized void evict(String owner) {
        while (count(s -> s.owner.equals(owner) && !s.active()) > limits.maxKeptPerPerson()) {
            removeOldestFinished(s -> s.owner.equals(owner));
        }
        while (count(s -> !s.active()) > limits.maxKept()) {
            removeOldestFinished(s -> true);
        }
    }

    private void removeOldestFinished(Predicate<State> among) {
        runs.values().stream().filter(s -> !s.active() && among.test(s))
                .min(Comparator.comparingLong((State s) -> s.sequence))
                .ifPresent(s -> runs.remove(s.id));
    }

    private long count(Predicate<State> which) {
        return runs.values().stream().filter(which).count();
    }

    @PreDestroy
    void stop() {
        if (ownWorker != null) {
            ownWorker.shutdownNow();
        }
    }
}
