package io.avreplay.cli;

import io.avreplay.eval.tracking.TrackingMetric;
import io.avreplay.eval.tracking.TrackingResult;
import java.util.List;
import java.util.Locale;

/** The tracking lines of {@code avreplay run}'s text output: overall AMOTA, AMOTP, MOTA, IDS, then per class. */
final class RunTrackingText {
    private static final List<TrackingMetric> COLUMNS = List.of(TrackingMetric.AMOTA, TrackingMetric.AMOTP,
            TrackingMetric.RECALL, TrackingMetric.MOTA, TrackingMetric.MOTP, TrackingMetric.GT, TrackingMetric.TP,
            TrackingMetric.FP, TrackingMetric.FN, TrackingMetric.IDS, TrackingMetric.FRAG);

    private RunTrackingText() {
    }

    /** @return the lines, each ending in a line separator; classes without ground truth are left out */
    static String write(TrackingResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "tracking   greedy constant-velocity tracker: AMOTA %.4f  AMOTP %.4f  MOTA %.4f  "
                + "IDS %d  (nuScenes tracking, %s)%n", r.overall().get(TrackingMetric.AMOTA),
                r.overall().get(TrackingMetric.AMOTP), r.overall().get(TrackingMetric.MOTA),
                Math.round(r.overall().get(TrackingMetric.IDS)), r.config().name()));
        b.append(String.format(Locale.ROOT, "  %-12s", "class"));
        COLUMNS.forEach(m -> b.append(String.format(Locale.ROOT, " %7s", m)));
        b.append(System.lineSeparator());
        for (String cls : r.config().classNames()) {
            double gt = r.value(TrackingMetric.GT, cls);
            if (Double.isNaN(gt) || gt == 0) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "  %-12s", cls));
            for (TrackingMetric m : COLUMNS) {
                double v = r.value(m, cls);
                b.append(Double.isNaN(v) ? String.format(Locale.ROOT, " %7s", "nan")
                        : m.summed() || m == TrackingMetric.GT ? String.format(Locale.ROOT, " %7d", Math.round(v))
                        : String.format(Locale.ROOT, " %7.3f", v));
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }
}
