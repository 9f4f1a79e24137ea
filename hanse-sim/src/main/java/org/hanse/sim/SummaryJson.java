package org.hanse.sim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Writes {@code summary.json} by hand, in a fixed field order with numbers rounded to 8 significant digits, so the
 * same seed gives byte-identical files (NaN, e.g. the CI of a single replication, is written as null).
 */
public final class SummaryJson {

    private SummaryJson() {
    }

    public static String write(Scenario scenario, Summary s) {
        StringBuilder b = new StringBuilder(256 + s.nodes().size() * 400);
        b.append("{\n  \"scenario\": ").append(str(scenario.name()))
                .append(",\n  \"horizon\": ").append(scenario.horizon())
                .append(",\n  \"warmUp\": ").append(scenario.warmUp())
                .append(",\n  \"seed\": ").append(scenario.seed())
                .append(",\n  \"replications\": ").append(s.replications())
                .append(",\n  \"tiers\": [");
        List<Summary.Tier> tiers = s.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            Summary.Tier t = tiers.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"tier\": ").append(t.tier());
            field(b, "bullwhip", t.bullwhip());
            field(b, "fillRate", t.fillRate());
            field(b, "cycleServiceLevel", t.cycleServiceLevel());
            field(b, "stockoutDays", t.stockoutDays());
            field(b, "meanInventory", t.meanInventory());
            field(b, "cashToCashDays", t.cashToCashDays());
            field(b, "synchronisationDeviationDays", t.synchronisationDeviationDays());
            field(b, "trust", t.trust());
            b.append('}');
        }
        b.append("\n  ],\n  \"nodes\": [");
        List<Summary.Node> nodes = s.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Summary.Node n = nodes.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"id\": ").append(str(n.id())).append(", \"tier\": ").append(n.tier());
            field(b, "fillRate", n.fillRate());
            field(b, "cycleServiceLevel", n.cycleServiceLevel());
            field(b, "bullwhip", n.bullwhip());
            field(b, "stockoutDays", n.stockoutDays());
            field(b, "meanInventory", n.meanInventory());
            field(b, "orderVariance", n.orderVariance());
            field(b, "cashToCashDays", n.cashToCashDays());
            field(b, "synchronisationDeviationDays", n.synchronisationDeviationDays());
            field(b, "trust", n.trust());
            b.append('}');
        }
        Summary.Network net = s.network();
        b.append("\n  ],\n  \"network\": {\"nodes\": ").append(net.nodes());
        field(b, "endCustomerFillRate", net.endCustomerFillRate());
        field(b, "substitutions", net.substitutions());
        field(b, "rejectedOrders", net.rejectedOrders());
        b.append(", \"disruptions\": [");
        for (int i = 0; i < net.disruptions().size(); i++) {
            Summary.Recovery r = net.disruptions().get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"kind\": ").append(str(r.kind())).append(", \"node\": ")
                    .append(r.node() == null ? "null" : str(r.node())).append(", \"day\": ").append(r.day());
            field(b, "timeToRecoverDays", r.timeToRecoverDays());
            field(b, "performanceLoss", r.performanceLoss());
            b.append(", \"unrecoveredShare\": ").append(num(r.unrecoveredShare())).append('}');
        }
        b.append(net.disruptions().isEmpty() ? "]}\n}\n" : "\n  ]}\n}\n");
        return b.toString();
    }

    private static void field(StringBuilder b, String name, Estimate e) {
        b.append(", \"").append(name).append("\": {\"mean\": ").append(num(e.mean())).append(", \"ci95\": ").append(num(e.ci95())).append('}');
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(8)).stripTrailingZeros().toPlainString();
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
