package org.hanse.sim;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code hanse bench sim}: node-periods per second of the four-stage textbook chain on one thread, and node-days per
 * second of a generated network (default 10,000 nodes, four tiers, every Hanse mechanism on, an exit and a capacity
 * shock) on all cores, with the heap used after the run. Each figure is the best of the measured rounds after warm-up (the
 * chains also print their median).
 */
public final class SimBench {

    private SimBench() {
    }

    /** Seconds both chains run, alternately, before any is measured: the JIT recompiles the day loop once it has seen both. */
    static final int CHAIN_WARM_UP_SECONDS = 6;

    public static void run(int nodes, int chainDays, int rounds, int threads, PrintStream out) {
        double[] zs = {0, 1.65};
        Scenario[] chains = new Scenario[zs.length];
        for (int c = 0; c < zs.length; c++) {
            chains[c] = ScenarioReader.parse("""
                    name: bench-chain
                    horizon: %d
                    replications: 1
                    seed: 1
                    policy: { kind: textbook, p: 5, z: %s }
                    nodes:
                      - { id: retailer, tier: 1, lead-time: 2, demand: { kind: normal, mean: 100, sd: 10 } }
                      - { id: wholesaler, tier: 2, lead-time: 2 }
                      - { id: distributor, tier: 3, lead-time: 2 }
                      - { id: factory, tier: 4, lead-time: 2 }
                    links:
                      - { buyer: retailer, supplier: wholesaler }
                      - { buyer: wholesaler, supplier: distributor }
                      - { buyer: distributor, supplier: factory }
                    """.formatted(chainDays, zs[c]), null);
        }
        long warmUntil = System.nanoTime() + CHAIN_WARM_UP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (Scenario c : chains) {
                Simulator.run(c, 1, null);
            }
        }
        for (int c = 0; c < chains.length; c++) {
            double[] rates = new double[Math.max(1, rounds)];
            for (int r = 0; r < rates.length; r++) {
                long t0 = System.nanoTime();
                Simulator.run(chains[c], 1, null);
                rates[r] = Simulator.nodeDays(chains[c]) / ((System.nanoTime() - t0) / 1e9);
            }
            Arrays.sort(rates);
            out.printf(Locale.ROOT, "textbook 4-stage chain (z = %s), 1 thread: %.1f million node-periods/s (median of %d runs %.1f; %d periods a run,"
                    + " after %d s of warm-up)%n", zs[c], rates[rates.length - 1] / 1e6, rates.length, rates[rates.length / 2] / 1e6, chainDays,
                    CHAIN_WARM_UP_SECONDS);
        }

        String network = """
                name: bench-network
                horizon: 365
                warm-up: 30
                replications: %d
                seed: 1
                policy: { kind: hanse, service-level: 0.95 }
                mechanisms: all
                generate: { nodes: %d, tiers: 4, lead-time: 2 }
                disruptions:
                  - { kind: exit, node: t2-10, day: 120 }
                  - { kind: capacity, node: t3-5, day: 200, days: 30, factor: 0.4 }
                """.formatted(threads, nodes);
        Scenario n = ScenarioReader.parse(network, null);
        double bestNet = 0;
        long heap = 0;
        for (int r = 0; r < rounds + 1; r++) {
            System.gc();
            long t0 = System.nanoTime();
            Simulator.run(n, threads, null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            heap = Math.max(heap, rt.totalMemory() - rt.freeMemory());
            if (r >= 1) {
                bestNet = Math.max(bestNet, Simulator.nodeDays(n) / seconds);
            }
        }
        out.printf(Locale.ROOT, "generated network, %d nodes x 365 days x %d replications, all mechanisms, %d threads: %.2f million node-days/s"
                + " (a year of %d nodes in %.2f s per replication and core)%n", nodes, threads, threads, bestNet / 1e6, nodes, 365.0 * nodes / (bestNet / threads));
        out.printf(Locale.ROOT, "heap in use after the run: %d MB (max heap %d MB)%n", heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
