package org.hanse.sim;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Runs a scenario's replications in parallel (all cores, or the given number of threads) and aggregates them in
 * replication order, so the same seed gives the same summary whatever the number of threads. Replication r is
 * seeded with a SplittableRandom split from the scenario seed in order; replication 0 keeps the daily series.
 */
public final class Simulator {

    static final int SERIES_DAYS = 36_500;

    private Simulator() {
    }

    /** A finished run: the summary and the first replication's daily series. */
    public record Run(Scenario scenario, Summary summary, double[][][] series, double[][] weeklyTrust) {
    }

    public static Run run(Scenario scenario, int threads, LongConsumer progressDays) {
        return run(scenario, threads, progressDays, true);
    }

    /** As {@link #run(Scenario, int, LongConsumer)}; {@code serialChains} false keeps chains on the general engine (tests). */
    static Run run(Scenario scenario, int threads, LongConsumer progressDays, boolean serialChains) {
        Model model = new Model(scenario, serialChains);
        long[] seeds = new long[scenario.replications()];
        java.util.SplittableRandom root = new java.util.SplittableRandom(scenario.seed());
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = root.split().nextLong();
        }
        Stats[] results = new Stats[seeds.length];
        AtomicLong done = new AtomicLong();
        Runnable all = () -> IntStream.range(0, seeds.length).parallel().forEach(r -> {
            // The first replication keeps its daily series for the report (up to a century of days).
            Replication rep = new Replication(model, seeds[r], r == 0 && scenario.horizon() <= SERIES_DAYS);
            results[r] = rep.run(progressDays == null ? null : t -> progressDays.accept(done.incrementAndGet())).stats;
        });
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(all).join();
        } finally {
            pool.shutdown();
        }
        return new Run(scenario, Summary.of(model, List.of(results)), results[0].series, results[0].weeklyTrust);
    }

    /** Node-days simulated by a run (for benchmarks). */
    public static long nodeDays(Scenario s) {
        return (long) s.nodes().size() * s.horizon() * s.replications();
    }
}
