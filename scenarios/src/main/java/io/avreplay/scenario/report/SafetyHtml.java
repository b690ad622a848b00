package io.avreplay.scenario.report;

import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.scoring.ConfusionMatrix;
import io.avreplay.scenario.scoring.DistanceBin;
import io.avreplay.scenario.scoring.MatchedFrame;
import io.avreplay.scenario.scoring.MaxF1;
import io.avreplay.scenario.scoring.ObjectRow;
import io.avreplay.scenario.scoring.ObjectTimeline;
import io.avreplay.scenario.scoring.ScoringDetail;
import io.avreplay.scenario.scoring.Statistic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The safety views of one scenario in the HTML report: recall by distance bin (bar chart) and the per-bin
 * table, criterion frame counts, worst objects (table and timeline chart, times in seconds from the log
 * start), error statistics (collapsed), confusion matrix, max-F1 thresholds and association counters.
 * Pure.
 */
final class SafetyHtml {
    private SafetyHtml() {
    }

    static void render(StringBuilder b, ScenarioOutcome s) {
        ScoringDetail d = s.detail();
        if (d.bins().isEmpty()) {
            return;
        }
        b.append("<p class=\"note\">Time association: output stamps within ")
                .append(String.format(Locale.ROOT, "%.1f ms", s.association().toleranceNs() / 1e6))
                .append(" of a ground-truth stamp; ").append(s.association().outputsWithoutTruth())
                .append(" output stamps without ground truth, ").append(s.association().truthWithoutOutput())
                .append(" ground-truth stamps without output.</p>\n");
        bins(b, s, d);
        criteria(b, d);
        timelines(b, s, d);
        errors(b, d);
        confusion(b, d);
    }

    private static void bins(StringBuilder b, ScenarioOutcome s, ScoringDetail d) {
        List<String> classes = new ArrayList<>(new LinkedHashSet<>(d.bins().stream().map(ScoringDetail.BinRow::className)
                .toList()));
        List<DistanceBin> bins = new ArrayList<>(new LinkedHashSet<>(d.bins().stream().map(ScoringDetail.BinRow::bin)
                .toList()));
        double[][] recall = new double[classes.size()][bins.size()];
        for (ScoringDetail.BinRow r : d.bins()) {
            recall[classes.indexOf(r.className())][bins.indexOf(r.bin())] = r.recall();
        }
        List<String> labels = bins.stream().map(SafetyHtml::binLabel).toList();
        b.append("<h3>By distance from the ego (match at 2 m, detections of every score)</h3>\n<div class=\"charts\">")
                .append(SvgCharts.bars("recall by distance bin and class of " + s.id(), labels, classes, recall, "recall",
                        "distance from ego (m)"))
                .append("</div>\n<div class=\"wrap\"><table><tr><th>Class</th><th>Distance</th><th>Truth</th><th>TP</th>"
                        + "<th>FP</th><th>Recall</th><th>Precision</th><th>AP</th></tr>\n");
        for (ScoringDetail.BinRow r : d.bins()) {
            b.append("<tr><td>").append(HtmlReport.e(r.className())).append("</td><td>").append(binLabel(r.bin()))
                    .append("</td>").append(n(r.truth())).append(n(r.truePositives())).append(n(r.falsePositives()))
                    .append(n(r.recall())).append(n(r.precision())).append(n(r.ap())).append("</tr>\n");
        }
        b.append("</table></div>\n");
    }

    private static void criteria(StringBuilder b, ScoringDetail d) {
        if (d.criteria().isEmpty()) {
            return;
        }
        b.append("<h3>Per-frame criteria</h3>\n<div class=\"wrap\"><table><tr><th>Gate</th><th>Passing</th><th>Failing</th>"
                + "<th>Pass rate</th><th>Not judged</th><th>Empty (no truth, no output)</th></tr>\n");
        for (ScoringDetail.CriterionRow r : d.criteria()) {
            b.append("<tr><td><code>").append(HtmlReport.e(r.gate())).append("</code></td>").append(n(r.passed()))
                    .append(n(r.failed())).append("<td class=\"n\">").append(Numbers.percent(r.passRate())).append("</td>")
                    .append(n(r.notJudged())).append(n(r.empty())).append("</tr>\n");
        }
        b.append("</table></div>\n");
    }

    private static void timelines(StringBuilder b, ScenarioOutcome s, ScoringDetail d) {
        for (ScoringDetail.TimelineView v : d.timelines()) {
            boolean gate = v != d.timelines().get(d.timelines().size() - 1);
            b.append("<h3>Worst objects: ").append(gate ? "<code>" + HtmlReport.e(v.title()) + "</code>"
                    : HtmlReport.e(v.title())).append(" (").append(v.objects().size()).append(" of ").append(v.total())
                    .append(")</h3>\n");
            if (v.objects().isEmpty()) {
                b.append("<p>No object with an instance id in this selection.</p>\n");
                continue;
            }
            b.append("<div class=\"wrap\"><table><tr><th>Object</th><th>Class</th><th>First seen</th><th>Frames</th>"
                    + "<th>Detected</th><th>Longest miss</th><th>To first detection</th></tr>\n");
            for (ObjectTimeline t : v.objects()) {
                b.append("<tr><td>").append(HtmlReport.e(t.trackId())).append("</td><td>").append(HtmlReport.e(t.category()))
                        .append("</td><td class=\"n\">").append(Numbers.seconds((t.firstSeenNs() - s.logStartNs()) / 1e9))
                        .append("</td>").append(n(t.framesPresent())).append("<td class=\"n\">")
                        .append(Numbers.percent(t.detectedShare())).append("</td><td class=\"n\">")
                        .append(Numbers.seconds(t.longestMissS())).append("</td><td class=\"n\">")
                        .append(Numbers.seconds(t.firstDetectS())).append("</td></tr>\n");
            }
            b.append("</table></div>\n");
        }
        ScoringDetail.TimelineView all = d.timelines().get(d.timelines().size() - 1);
        if (!all.objects().isEmpty()) {
            b.append("<div class=\"charts\">").append(chart(s, d, all)).append("</div>\n");
        }
    }

    /** Frames of each listed object (every distance): detected or missed, at seconds from the log start. */
    private static String chart(ScenarioOutcome s, ScoringDetail d, ScoringDetail.TimelineView v) {
        List<String> rows = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        List<boolean[]> hit = new ArrayList<>();
        for (ObjectTimeline t : v.objects()) {
            List<Double> ts = new ArrayList<>();
            List<Boolean> hs = new ArrayList<>();
            for (MatchedFrame f : d.frames()) {
                for (ObjectRow g : f.truth()) {
                    if (g.trackId().equals(t.trackId()) && (g.numPoints() != 0)) {
                        ts.add((f.timestampNs() - s.logStartNs()) / 1e9);
                        hs.add(g.matched());
                    }
                }
            }
            String id = shortId(t.trackId());
            rows.add(t.trackId().startsWith(t.category()) ? id : t.category() + " " + id);
            times.add(ts.stream().mapToDouble(x -> x).toArray());
            boolean[] h = new boolean[hs.size()];
            for (int i = 0; i < h.length; i++) {
                h[i] = hs.get(i);
            }
            hit.add(h);
        }
        double from = (s.startNs() - s.logStartNs()) / 1e9;
        double to = (s.endNs() - s.logStartNs()) / 1e9;
        double period = d.frames().size() < 2 ? 0.1 : (to - from) / (d.frames().size() - 1);
        return SvgCharts.timeline("detections over time of the worst objects of " + s.id(), rows, times, hit, from, to,
                period);
    }

    private static String shortId(String id) {
        return id.length() <= 14 ? id : id.substring(0, 6) + "…" + id.substring(id.length() - 6);
    }

    private static void errors(StringBuilder b, ScoringDetail d) {
        if (d.errors().isEmpty()) {
            return;
        }
        b.append("<details><summary>Error statistics of matched pairs, detections of every score (").append(d.errors().size())
                .append(" rows)</summary>\n<div class=\"wrap\"><table><tr><th>Class</th><th>Distance</th><th>Error</th>"
                        + "<th>Pairs</th>");
        for (Statistic st : Statistic.values()) {
            b.append("<th>").append(st.key()).append("</th>");
        }
        b.append("</tr>\n");
        for (ScoringDetail.ErrorRow r : d.errors()) {
            b.append("<tr><td>").append(HtmlReport.e(r.className())).append("</td><td>").append(binLabel(r.bin()))
                    .append("</td><td>").append(r.quantity().key()).append(" (").append(r.quantity().unit())
                    .append(")</td>").append(n(r.samples()));
            for (Statistic st : Statistic.values()) {
                b.append(n(r.value(st)));
            }
            b.append("</tr>\n");
        }
        b.append("</table></div></details>\n");
    }

    private static void confusion(StringBuilder b, ScoringDetail d) {
        ConfusionMatrix c = d.confusion();
        List<String> cols = new ArrayList<>(c.labels());
        cols.add("missed");
        List<String> rows = new ArrayList<>(c.labels());
        rows.add("false (no truth)");
        b.append("<div class=\"side\"><div><h3>Confusion (truth ↓, detected as →)</h3><table><tr><th></th>");
        cols.forEach(l -> b.append("<th>").append(HtmlReport.e(l)).append("</th>"));
        b.append("</tr>\n");
        for (int r = 0; r < rows.size(); r++) {
            b.append("<tr><th>").append(HtmlReport.e(rows.get(r))).append("</th>");
            for (long v : c.counts()[r]) {
                b.append(n(v));
            }
            b.append("</tr>\n");
        }
        b.append("</table></div><div><h3>Max-F1 score threshold</h3><table><tr><th>Class</th><th>Threshold</th><th>F1</th>"
                + "<th>Precision</th><th>Recall</th></tr>\n");
        for (MaxF1 m : d.maxF1()) {
            b.append("<tr><td>").append(HtmlReport.e(m.className())).append("</td>").append(n(m.threshold()))
                    .append(n(m.f1())).append(n(m.precision())).append(n(m.recall())).append("</tr>\n");
        }
        b.append("</table></div></div>\n");
    }

    static String binLabel(DistanceBin bin) {
        if (bin.isAll()) {
            return "all";
        }
        String lo = String.format(Locale.ROOT, "%.0f", bin.minM());
        return Double.isInfinite(bin.maxM()) ? "≥ " + lo + " m" : lo + "–" + String.format(Locale.ROOT, "%.0f", bin.maxM())
                + " m";
    }

    private static String n(long v) {
        return "<td class=\"n\">" + v + "</td>";
    }

    private static String n(double v) {
        return "<td class=\"n\">" + (Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v)) + "</td>";
    }
}
