package io.avreplay.scenario.report;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report, each with labelled axes (ticks with values and units), a legend
 * outside the plot area, and a text alternative in {@code aria-label}. Pure.
 */
final class SvgCharts {
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int LEFT = 56;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;

    private SvgCharts() {
    }

    /**
     * Grouped bars of values in [0, 1] (NaN bars are left out and marked "n/a").
     *
     * @param groups x categories (e.g. distance bins)
     * @param series one per legend entry (e.g. classes)
     * @param values [series][group]
     */
    static String bars(String label, List<String> groups, List<String> series, double[][] values, String yLabel,
            String xLabel) {
        int w = Math.max(300, groups.size() * (series.size() * 22 + 30));
        int h = 200;
        int legendW = 150;
        StringBuilder b = open(label, LEFT + w + legendW, TOP + h + BOTTOM);
        yAxis(b, w, h, 0, 1, 0.2, yLabel, "");
        double gw = (double) w / groups.size();
        double bw = Math.min(22, (gw - 16) / Math.max(1, series.size()));
        for (int g = 0; g < groups.size(); g++) {
            double gx = LEFT + g * gw;
            text(b, gx + gw / 2, TOP + h + 16, "middle", groups.get(g));
            for (int k = 0; k < series.size(); k++) {
                double v = values[k][g];
                double x = gx + (gw - bw * series.size()) / 2 + k * bw;
                if (Double.isNaN(v)) {
                    text(b, x + bw / 2, TOP + h - 4, "middle", "n/a", 9);
                    continue;
                }
                double bh = h * Math.max(0, Math.min(1, v));
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s %s: %.3f</title></rect>%n", x, TOP + h - bh, bw - 2, bh, COLOURS[k % COLOURS.length],
                        HtmlReport.e(series.get(k)), HtmlReport.e(groups.get(g)), v));
            }
        }
        text(b, LEFT + w / 2.0, TOP + h + 36, "middle", xLabel);
        legend(b, LEFT + w + 12, series);
        return b.append("</svg>\n").toString();
    }

    /**
     * One row per object over time: a green mark per frame detected, a red one per frame missed.
     *
     * @param rows     row labels
     * @param times    per row, frame times in seconds from the log start
     * @param detected per row, whether each frame was detected
     * @param fromS    first frame time, seconds from the log start
     * @param toS      last frame time, seconds from the log start
     * @param periodS  width of one frame mark, seconds; each mark is centred on its frame time and the
     *                 axis reaches half a period beyond the first and last frame, so no mark overflows
     */
    static String timeline(String label, List<String> rows, List<double[]> times, List<boolean[]> detected, double fromS,
            double toS, double periodS) {
        int w = 640;
        int rowH = 18;
        int left = 150;
        int h = Math.max(1, rows.size()) * rowH;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n", left + w + 20, TOP + h + BOTTOM + 24,
                HtmlReport.e(label)));
        fromS -= periodS / 2;
        toS += periodS / 2;
        double span = Math.max(toS - fromS, 1e-9);
        double step = niceStep(span);
        for (double t = Math.ceil(fromS / step - 1e-9) * step; t <= toS + 1e-9; t += step) {
            double x = left + w * (t - fromS) / span;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x,
                    TOP, x, TOP + h + 4));
            text(b, x, TOP + h + 16, "middle", String.format(Locale.ROOT, "%.1f", t + 0.0));
        }
        text(b, left + w / 2.0, TOP + h + 34, "middle", "time from log start (s)");
        for (int r = 0; r < rows.size(); r++) {
            double y = TOP + r * rowH;
            text(b, left - 6, y + rowH - 5, "end", rows.get(r));
            double mark = Math.max(1, w * periodS / span);
            for (int i = 0; i < times.get(r).length; i++) {
                double x = left + w * (times.get(r)[i] - fromS) / span - mark / 2;
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                        x, y + 3, mark, rowH - 6, detected.get(r)[i] ? "#2ca02c" : "#d62728"));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", left, TOP, w, h));
        double ly = TOP + h + 44;
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.0f\" width=\"12\" height=\"10\" fill=\"#2ca02c\"/>", left,
                ly - 9));
        text(b, left + 16, ly, "start", "detected");
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.0f\" width=\"12\" height=\"10\" fill=\"#d62728\"/>",
                left + 90, ly - 9));
        text(b, left + 106, ly, "start", "missed");
        return b.append("</svg>\n").toString();
    }

    static StringBuilder open(String label, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" role=\"img\" aria-label=\"%s\">%n", width, height, HtmlReport.e(label)));
    }

    /** A left y axis from {@code lo} to {@code hi} with ticks every {@code step}, gridlines and a rotated label. */
    static void yAxis(StringBuilder b, int w, int h, double lo, double hi, double step, String label, String unit) {
        for (double v = lo; v <= hi + 1e-9; v += step) {
            double y = TOP + h - h * (v - lo) / (hi - lo);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>%n",
                    LEFT, y, LEFT + w, y));
            text(b, LEFT - 6, y + 4, "end", String.format(Locale.ROOT, "%.1f", v) + unit);
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, TOP, w, h));
        b.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 14 %d)\">%s</text>%n", TOP + h / 2, TOP + h / 2, HtmlReport.e(label)));
    }

    /** A bottom x axis from 0 to 1 with ticks every 0.2 (for the precision–recall plot). */
    static void unitXAxis(StringBuilder b, int w, int h, String label) {
        for (int k = 0; k <= 5; k++) {
            double x = LEFT + w * k / 5.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/>%n",
                    x, TOP, x, TOP + h));
            text(b, x, TOP + h + 16, "middle", String.format(Locale.ROOT, "%.1f", k / 5.0));
        }
        text(b, LEFT + w / 2.0, TOP + h + 36, "middle", label);
    }

    static void legend(StringBuilder b, int x, List<String> entries) {
        for (int k = 0; k < entries.size(); k++) {
            int y = TOP + 6 + 18 * k;
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>", x, y,
                    COLOURS[k % COLOURS.length]));
            text(b, x + 16, y + 9, "start", entries.get(k));
        }
    }

    static void text(StringBuilder b, double x, double y, String anchor, String s) {
        text(b, x, y, anchor, s, 11);
    }

    private static void text(StringBuilder b, double x, double y, String anchor, String s, int size) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n",
                x, y, size, anchor, HtmlReport.e(s)));
    }

    /** @return 1, 2 or 5 times a power of ten giving about 6-12 ticks over the span */
    static double niceStep(double span) {
        double raw = span / 8;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static int left() {
        return LEFT;
    }

    static int top() {
        return TOP;
    }
}
