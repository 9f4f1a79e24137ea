package org.hanse.sim;

/** The first replication's daily series per tier as CSV: {@code day,tier,endDemand,orders,inventory,backlog,fillRate,trust}. */
public final class SeriesCsv {

    private SeriesCsv() {
    }

    public static String write(double[][][] series) {
        StringBuilder b = new StringBuilder("day,tier,").append(String.join(",", Stats.SERIES)).append('\n');
        for (int t = 0; t < series.length; t++) {
            for (int k = 1; k < series[t].length; k++) {
                b.append(t).append(',').append(k);
                for (int c = 0; c < Stats.SERIES.length; c++) {
                    b.append(',').append(SummaryJson.num(series[t][k][c]));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
