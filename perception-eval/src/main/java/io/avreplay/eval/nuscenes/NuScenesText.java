package io.avreplay.eval.nuscenes;

import java.util.Locale;
import java.util.Map;

/** Renders a {@link NuScenesResult} as the devkit's printed summary. */
public final class NuScenesText {
    private NuScenesText() {
    }

    /** @return the summary, lines ending in {@code \n} */
    public static String write(NuScenesResult r) {
        StringBuilder b = new StringBuilder();
        var c = r.counts();
        b.append(String.format(Locale.ROOT, "Filtering (class range, num_pts==0, bike racks): GT %d -> %d, PRED %d -> %d%n",
                c.gtBefore(), c.gtAfter(), c.predBefore(), c.predAfter()));
        b.append(String.format(Locale.ROOT, "Samples: %d   GT boxes: %d   PRED boxes: %d%n", c.samples(), c.gtAfter(),
                c.predAfter()));
        if (c.samplesWithoutGt() > 0) {
            b.append(String.format(Locale.ROOT,
                    "Note: %d predictions in %d samples without ground truth were counted as false positives%n",
                    c.predsWithoutGtSample(), c.samplesWithoutGt()));
        }
        b.append(String.format(Locale.ROOT, "mAP: %.6f%n", r.meanAp()));
        for (TpMetric m : TpMetric.values()) {
            b.append(String.format(Locale.ROOT, "%s: %s%n", m.summaryName(), num(r.tpErrors().get(m))));
        }
        b.append(String.format(Locale.ROOT, "NDS: %.6f%n", r.ndScore()));
        b.append(String.format(Locale.ROOT, "%nPer-class results:%n"));
        b.append(String.format(Locale.ROOT, "%-22s%-12s%-12s%-12s%-12s%-12s%-12s%n", "Object Class", "AP", "ATE", "ASE",
                "AOE", "AVE", "AAE"));
        for (Map.Entry<String, Double> e : r.meanDistAps().entrySet()) {
            Map<TpMetric, Double> t = r.labelTpErrors().get(e.getKey());
            b.append(String.format(Locale.ROOT, "%-22s%-12s%-12s%-12s%-12s%-12s%-12s%n", e.getKey(), num(e.getValue()),
                    num(t.get(TpMetric.TRANS_ERR)), num(t.get(TpMetric.SCALE_ERR)), num(t.get(TpMetric.ORIENT_ERR)),
                    num(t.get(TpMetric.VEL_ERR)), num(t.get(TpMetric.ATTR_ERR))));
        }
        b.append(String.format(Locale.ROOT, "%nPer-class AP at each center-distance threshold (m):%n"));
        b.append(String.format(Locale.ROOT, "%-22s", "Object Class"));
        for (double th : r.config().distThs()) {
            b.append(String.format(Locale.ROOT, "%-12s", "@" + trim(th)));
        }
        b.append(String.format("%n"));
        r.labelAps().forEach((cls, m) -> {
            b.append(String.format(Locale.ROOT, "%-22s", cls));
            m.values().forEach(v -> b.append(String.format(Locale.ROOT, "%-12s", num(v))));
            b.append(String.format("%n"));
        });
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String trim(double th) {
        return th == Math.rint(th) ? String.valueOf((long) th) : String.valueOf(th);
    }
}
