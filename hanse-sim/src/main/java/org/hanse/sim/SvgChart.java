package org.hanse.sim;

import java.util.List;
import java.util.Locale;

/** Small, dependency-free SVG charts for the offline HTML report: lines over days and bars with 95 % CI whiskers. */
final class SvgChart {

    static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#edae49", "#00798c", "#6a4c93", "#66a182", "#8d6a9f", "#30638e"};
    private static final int W = 720;
    private static final int H = 260;
    private static final int L = 60;
    private static final int R = 150;
    private static final int T = 30;
    private static final int B = 36;

    private SvgChart() {
    }

    /** A named series of y values (NaN leaves a gap). */
    record Line(String name, double[] y) {
    }

    /** A bar with its CI half-width (NaN for none). */
    record Bar(String label, double value, double ci) {
    }

    static String lines(String title, String yLabel, List<Line> lines, int[] markers) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Line l : lines) {
            n = Math.max(n, l.y().length);
            for (double v : l.y()) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (n < 2 || min == Double.POSITIVE_INFINITY) {
            return "";
        }
        if (max == min) {
            max = min + 1;
        }
        min = Math.min(min, 0) == 0 && min >= 0 ? 0 : min;
        StringBuilder b = frame(title, yLabel, min, max);
        double fmin = min;
        double fmax = max;
        int count = n;
        for (int k = 0; k < lines.size(); k++) {
            Line line = lines.get(k);
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < line.y().length; i++) {
                double v = line.y()[i];
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                d.append(pen ? 'L' : 'M').append(f(x(i, count))).append(',').append(f(y(v, fmin, fmax)));
                pen = true;
            }
            String colour = COLOURS[k % COLOURS.length];
            b.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.2\"/>");
            b.append("<text x=\"").append(W - R + 12).append("\" y=\"").append(T + 14 + 16 * k).append("\" fill=\"").append(colour)
                    .append("\" font-size=\"12\">").append(esc(line.name())).append("</text>");
        }
        for (int m : markers) {
            double xm = x(m, count);
            b.append("<line x1=\"").append(f(xm)).append("\" x2=\"").append(f(xm)).append("\" y1=\"").append(T).append("\" y2=\"").append(H - B)
                    .append("\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>");
        }
        b.append("<text x=\"").append(L).append("\" y=\"").append(H - 6).append("\" font-size=\"11\">day 0</text>");
        b.append("<text x=\"").append(W - R - 40).append("\" y=\"").append(H - 6).append("\" font-size=\"11\">day ").append(n - 1).append("</text>");
        return b.append("</svg>").toString();
    }

    static String bars(String title, String yLabel, List<Bar> bars) {
        double max = 0;
        for (Bar bar : bars) {
            if (!Double.isNaN(bar.value())) {
                max = Math.max(max, bar.value() + (Double.isNaN(bar.ci()) ? 0 : bar.ci()));
            }
        }
        if (max <= 0) {
            max = 1;
        }
        StringBuilder b = frame(title, yLabel, 0, max);
        double slot = (double) (W - L - R) / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x0 = L + i * slot + slot * 0.2;
            double w = slot * 0.6;
            if (!Double.isNaN(bar.value())) {
                double top = y(bar.value(), 0, max);
                b.append("<rect x=\"").append(f(x0)).append("\" y=\"").append(f(top)).append("\" width=\"").append(f(w)).append("\" height=\"")
                        .append(f(H - B - top)).append("\" fill=\"").append(COLOURS[i % COLOURS.length]).append("\"><title>")
                        .append(esc(bar.label())).append(": ").append(SummaryJson.num(bar.value())).append("</title></rect>");
                if (!Double.isNaN(bar.ci())) {
                    double hi = y(bar.value() + bar.ci(), 0, max);
                    double lo = y(Math.max(0, bar.value() - bar.ci()), 0, max);
                    double cx = x0 + w / 2;
                    b.append("<line x1=\"").append(f(cx)).append("\" x2=\"").append(f(cx)).append("\" y1=\"").append(f(hi)).append("\" y2=\"")
                            .append(f(lo)).append("\" stroke=\"#222\"/>");
                }
                b.append("<text x=\"").append(f(x0 + w / 2)).append("\" y=\"").append(f(top - 4)).append("\" font-size=\"11\" text-anchor=\"middle\">")
                        .append(label(bar.value())).append("</text>");
            }
            b.append("<text x=\"").append(f(x0 + w / 2)).append("\" y=\"").append(H - B + 16).append("\" font-size=\"12\" text-anchor=\"middle\">")
                    .append(esc(bar.label())).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    private static StringBuilder frame(String title, String yLabel, double min, double max) {
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\" style=\"max-width:100%;height:auto\">");
        b.append("<text x=\"").append(L).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">").append(esc(title)).append("</text>");
        b.append("<line x1=\"").append(L).append("\" x2=\"").append(L).append("\" y1=\"").append(T).append("\" y2=\"").append(H - B).append("\" stroke=\"#333\"/>");
        b.append("<line x1=\"").append(L).append("\" x2=\"").append(W - R).append("\" y1=\"").append(H - B).append("\" y2=\"").append(H - B).append("\" stroke=\"#333\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = min + (max - min) * i / 4;
            double yy = y(v, min, max);
            b.append("<line x1=\"").append(L).append("\" x2=\"").append(W - R).append("\" y1=\"").append(f(yy)).append("\" y2=\"").append(f(yy))
                    .append("\" stroke=\"#ddd\"/>");
            b.append("<text x=\"").append(L - 4).append("\" y=\"").append(f(yy + 4)).append("\" font-size=\"10\" text-anchor=\"end\">")
                    .append(label(v)).append("</text>");
        }
        b.append("<text x=\"12\" y=\"").append((T + H - B) / 2).append("\" font-size=\"11\" transform=\"rotate(-90 12 ").append((T + H - B) / 2)
                .append(")\" text-anchor=\"middle\">").append(esc(yLabel)).append("</text>");
        return b;
    }

    /** Axis and bar labels without exponents: whole numbers from 100 on, three significant digits below. */
    static String label(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static double x(int i, int n) {
        return L + (double) (W - L - R) * i / (n - 1);
    }

    private static double y(double v, double min, double max) {
        return H - B - (H - B - T) * (v - min) / (max - min);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
