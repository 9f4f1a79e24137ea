package org.hanse.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A self-contained HTML report (inline SVG, no scripts, opens offline) for one run, or two runs compared. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String of(Simulator.Run run) {
        return head("Hanse simulation — " + run.scenario().name()).append("<h1>Simulation: ").append(SvgChart.esc(run.scenario().name()))
                .append("</h1>").append(body(run)).append("</body></html>\n").toString();
    }

    /** The report's content without page, title or style, for embedding in another page (the web UI's simulator). */
    public static String body(Simulator.Run run) {
        Scenario s = run.scenario();
        Summary sum = run.summary();
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(s.nodes().size()).append(" nodes, ").append(sum.tiers().size()).append(" tiers, horizon ").append(s.horizon())
                .append(" days (warm-up ").append(s.warmUp()).append("), ").append(sum.replications()).append(" replications, seed ").append(s.seed())
                .append(". Policy: ").append(s.policy().kind().name().toLowerCase(Locale.ROOT)).append(". Mechanisms on: ")
                .append(SvgChart.esc(mechanisms(s.mechanisms()))).append(". Values are means with the 95 % confidence half-width.</p>");
        b.append("<h2>Tiers</h2>").append(tierTable(List.of(sum), List.of("")));
        List<SvgChart.Bar> bw = new ArrayList<>();
        List<SvgChart.Bar> fill = new ArrayList<>();
        for (Summary.Tier t : sum.tiers()) {
            bw.add(new SvgChart.Bar("tier " + t.tier(), t.bullwhip().mean(), t.bullwhip().ci95()));
            fill.add(new SvgChart.Bar("tier " + t.tier(), t.fillRate().mean(), t.fillRate().ci95()));
        }
        b.append(figure(SvgChart.bars("Bullwhip ratio per tier", "Var(orders) / Var(end demand)", bw)));
        b.append(figure(SvgChart.bars("Fill rate per tier", "share filled from stock", fill)));
        if (run.series() != null) {
            int[] markers = s.disruptions().stream().mapToInt(Disruption::day).toArray();
            b.append(figure(SvgChart.lines("Orders per tier and end demand (replication 1)", "units per day", column(run.series(), 1, "orders", true), markers)));
            b.append(figure(SvgChart.lines("Inventory per tier (replication 1)", "units on hand", column(run.series(), 2, "inventory", false), markers)));
            double[] tierFill = new double[run.series().length];
            for (int t = 0; t < tierFill.length; t++) {
                tierFill[t] = run.series()[t][1][4];
            }
            b.append(figure(SvgChart.lines("End-customer fill rate per day (replication 1)", "share filled", List.of(new SvgChart.Line("tier 1", tierFill)), markers)));
        }
        if (run.weeklyTrust() != null && run.weeklyTrust().length > 0) {
            List<SvgChart.Line> lines = new ArrayList<>();
            for (int k = 1; k < sum.tiers().size(); k++) {
                double[] y = new double[run.weeklyTrust().length];
                for (int w = 0; w < y.length; w++) {
                    y[w] = run.weeklyTrust()[w][k];
                }
                lines.add(new SvgChart.Line("tier " + k + " in tier " + (k + 1), y));
            }
            b.append(figure(SvgChart.lines("Trust held in suppliers, weekly mean (replication 1)", "trust T", lines, new int[0])));
        }
        if (!sum.network().disruptions().isEmpty()) {
            b.append("<h2>Disruptions</h2><table><tr><th>kind</th><th>node</th><th>day</th><th>time to recover (days)</th><th>performance loss</th><th>not recovered</th></tr>");
            for (Summary.Recovery r : sum.network().disruptions()) {
                b.append("<tr><td>").append(r.kind()).append("</td><td>").append(r.node() == null ? "" : SvgChart.esc(r.node())).append("</td><td>")
                        .append(r.day()).append("</td><td>").append(est(r.timeToRecoverDays())).append("</td><td>").append(est(r.performanceLoss()))
                        .append("</td><td>").append(pct(r.unrecoveredShare())).append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append("<h2>Network</h2><p>End-customer fill rate ").append(est(sum.network().endCustomerFillRate())).append(", substitutions ")
                .append(est(sum.network().substitutions())).append(", rejected orders ").append(est(sum.network().rejectedOrders())).append(".</p>");
        return b.toString();
    }

    /** Two runs side by side: the tier metrics of A and B and the bullwhip per tier of both. */
    public static String compare(Simulator.Run a, Simulator.Run b) {
        return head("Hanse simulation — " + a.scenario().name() + " vs " + b.scenario().name()).append("<h1>Compare: A = ")
                .append(SvgChart.esc(a.scenario().name())).append(", B = ").append(SvgChart.esc(b.scenario().name())).append("</h1>")
                .append(compareBody(a, b)).append("</body></html>\n").toString();
    }

    /** The comparison's content without page, title or style, for embedding. */
    public static String compareBody(Simulator.Run a, Simulator.Run b) {
        StringBuilder h = new StringBuilder();
        h.append("<p>A mechanisms: ").append(SvgChart.esc(mechanisms(a.scenario().mechanisms()))).append("; B mechanisms: ")
                .append(SvgChart.esc(mechanisms(b.scenario().mechanisms()))).append(".</p>");
        h.append(tierTable(List.of(a.summary(), b.summary()), List.of("A", "B")));
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (int k = 0; k < Math.min(a.summary().tiers().size(), b.summary().tiers().size()); k++) {
            Summary.Tier ta = a.summary().tiers().get(k);
            Summary.Tier tb = b.summary().tiers().get(k);
            bars.add(new SvgChart.Bar("A t" + ta.tier(), ta.bullwhip().mean(), ta.bullwhip().ci95()));
            bars.add(new SvgChart.Bar("B t" + tb.tier(), tb.bullwhip().mean(), tb.bullwhip().ci95()));
        }
        h.append(figure(SvgChart.bars("Bullwhip ratio per tier, A and B", "Var(orders) / Var(end demand)", bars)));
        h.append("<p>End-customer fill rate: A ").append(est(a.summary().network().endCustomerFillRate())).append(", B ")
                .append(est(b.summary().network().endCustomerFillRate())).append(".</p>");
        return h.toString();
    }

    private static List<SvgChart.Line> column(double[][][] series, int c, String name, boolean withEndDemand) {
        List<SvgChart.Line> lines = new ArrayList<>();
        int tiers = series[0].length - 1;
        if (withEndDemand) {
            double[] y = new double[series.length];
            for (int t = 0; t < y.length; t++) {
                y[t] = series[t][1][0];
            }
            lines.add(new SvgChart.Line("end demand", y));
        }
        for (int k = 1; k <= tiers; k++) {
            double[] y = new double[series.length];
            for (int t = 0; t < y.length; t++) {
                y[t] = series[t][k][c];
            }
            lines.add(new SvgChart.Line("tier " + k + " " + name, y));
        }
        return lines;
    }

    private static String tierTable(List<Summary> runs, List<String> names) {
        StringBuilder b = new StringBuilder("<table><tr><th>tier</th>");
        String[] metrics = {"bullwhip", "fill rate", "cycle service level", "stockout days", "mean inventory", "cash-to-cash days",
            "sync. deviation (days)", "trust"};
        List<Function<Summary.Tier, Estimate>> getters = List.of(Summary.Tier::bullwhip, Summary.Tier::fillRate, Summary.Tier::cycleServiceLevel,
                Summary.Tier::stockoutDays, Summary.Tier::meanInventory, Summary.Tier::cashToCashDays, Summary.Tier::synchronisationDeviationDays,
                Summary.Tier::trust);
        for (String m : metrics) {
            b.append("<th>").append(m).append("</th>");
        }
        b.append("</tr>");
        int tiers = runs.get(0).tiers().size();
        for (int k = 0; k < tiers; k++) {
            for (int r = 0; r < runs.size(); r++) {
                if (k >= runs.get(r).tiers().size()) {
                    continue;
                }
                Summary.Tier t = runs.get(r).tiers().get(k);
                b.append("<tr><td>").append(names.get(r)).append(names.get(r).isEmpty() ? "" : " ").append(t.tier()).append("</td>");
                for (Function<Summary.Tier, Estimate> g : getters) {
                    b.append("<td>").append(est(g.apply(t))).append("</td>");
                }
                b.append("</tr>");
            }
        }
        return b.append("</table>").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(SvgChart.esc(title)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111;max-width:64rem}table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem}")
                .append("th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:right}th{background:#eef}figure{margin:1rem 0}")
                .append("@media (max-width:40rem){table{font-size:.7rem}}</style></head><body>");
    }

    private static String figure(String svg) {
        return svg.isEmpty() ? "" : "<figure>" + svg + "</figure>";
    }

    private static String est(Estimate e) {
        if (Double.isNaN(e.mean())) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.4g", e.mean()) + (Double.isNaN(e.ci95()) ? "" : String.format(Locale.ROOT, " ± %.2g", e.ci95()));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }

    static String mechanisms(Scenario.Mechanisms m) {
        List<String> on = new ArrayList<>();
        if (m.triggerResponse()) {
            on.add("trigger-response");
        }
        if (m.forecastSharing()) {
            on.add("forecast-sharing");
        }
        if (m.warnings()) {
            on.add("warnings");
        }
        if (m.payments()) {
            on.add("payments");
        }
        if (m.trust()) {
            on.add("trust");
        }
        if (m.substitution()) {
            on.add("substitution");
        }
        return on.isEmpty() ? "none" : String.join(", ", on);
    }
}
