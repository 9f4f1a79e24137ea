package org.hanse.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * What {@code hanse simulate} does: runs a scenario (or two, to compare) with a progress bar, and writes
 * {@code summary.json}, {@code series.csv} and {@code report.html} to the output directory.
 */
public final class SimulationFiles {

    private SimulationFiles() {
    }

    public static Simulator.Run simulate(Path scenarioFile, Path out, int threads, PrintStream progress) throws IOException {
        Scenario s = ScenarioReader.read(scenarioFile);
        Simulator.Run run = Simulator.run(s, threads, bar(s, progress));
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), SummaryJson.write(s, run.summary()));
        if (run.series() != null) {
            Files.writeString(out.resolve("series.csv"), SeriesCsv.write(run.series()));
        }
        Files.writeString(out.resolve("report.html"), HtmlReport.of(run));
        return run;
    }

    /** Runs A and B and writes each one's files under {@code out/a} and {@code out/b} plus {@code out/compare.html}. */
    public static Simulator.Run[] compare(Path a, Path b, Path out, int threads, PrintStream progress) throws IOException {
        Simulator.Run ra = simulate(a, out.resolve("a"), threads, progress);
        Simulator.Run rb = simulate(b, out.resolve("b"), threads, progress);
        Files.writeString(out.resolve("compare.html"), HtmlReport.compare(ra, rb));
        return new Simulator.Run[] {ra, rb};
    }

    /** A text progress bar on {@code out} (node-days done of all), redrawn at most every whole per cent. */
    static LongConsumer bar(Scenario s, PrintStream out) {
        if (out == null) {
            return null;
        }
        long total = (long) s.horizon() * s.replications();
        AtomicLong shown = new AtomicLong(-1);
        return done -> {
            long pct = done * 100 / total;
            if (pct <= shown.get()) {
                return;
            }
            // Replications report from several threads: one draws at a time, never backwards.
            synchronized (shown) {
                if (pct <= shown.get()) {
                    return;
                }
                shown.set(pct);
                int filled = (int) (pct / 4);
                out.print("\r" + s.name() + " [" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + pct + " %");
                if (pct == 100) {
                    out.println();
                }
                out.flush();
            }
        };
    }
}
