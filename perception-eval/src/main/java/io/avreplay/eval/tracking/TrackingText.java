package io.avreplay.eval.tracking;

import java.util.List;
import java.util.Locale;

/** Renders a {@link TrackingResult} as the devkit's {@code print_final_metrics}, after a line of counts. */
public final class TrackingText {
    private TrackingText() {
    }

    /** @return the summary, lines ending in {@code \n} */
    public static String write(TrackingResult r) {
        StringBuilder b = new StringBuilder();
        var c = r.counts();
        b.append(String.format(Locale.ROOT, "Scenes: %d   GT boxes: %d -> %d after filtering   PRED boxes: %d -> %d "
                + "after filtering%n", r.sceneNames().size(), c.gtBefore(), c.gtAfter(), c.predBefore(), c.predAfter()));
        b.append("\n### Final results ###\n\nPer-class results:\n\t\t");
        TrackingMetric[] metrics = TrackingMetric.values();
        for (int i = 0; i < metrics.length; i++) {
            b.append(i == 0 ? "" : "\t").append(metrics[i]);
        }
        b.append('\n');
        List<String> classes = r.config().classNames();
        for (String cls : classes) {
            String shown = cls.length() > 7 ? cls.substring(0, 7) : cls;
            b.append(String.format(Locale.ROOT, "%-8s", shown));
            for (TrackingMetric m : metrics) {
                b.append('\t').append(m.print(r.labelMetrics().get(m).get(cls)));
            }
            b.append('\n');
        }
        b.append("\nAggregated results:\n");
        for (TrackingMetric m : metrics) {
            b.append(m).append('\t').append(m.print(r.overall().get(m))).append('\n');
        }
        return b.toString();
    }
}
