package io.avreplay.eval.kitti;

import java.util.Locale;

/** Renders a {@link KittiResult} as AP tables (R40, then R11), in percent. */
public final class KittiText {
    private KittiText() {
    }

    /** @return the tables, lines ending in {@code \n} */
    public static String write(KittiResult r) {
        StringBuilder b = new StringBuilder();
        table(b, r, true);
        b.append(String.format("%n"));
        table(b, r, false);
        if (r.framesWithoutGt() > 0 || r.framesWithoutPredictions() > 0) {
            b.append(String.format(Locale.ROOT, "%nNote: %d frames without labels (detections are false positives),"
                    + " %d frames without predictions%n", r.framesWithoutGt(), r.framesWithoutPredictions()));
        }
        return b.toString();
    }

    private static void table(StringBuilder b, KittiResult r, boolean r40) {
        b.append(String.format(Locale.ROOT, "AP %s in percent (%d frames)%n", r40 ? "R40" : "R11", r.frames()));
        b.append(String.format(Locale.ROOT, "%-11s %-9s %10s %10s %10s%n", "class", "metric", "easy", "moderate",
                "hard"));
        r.curves().forEach((c, m) -> m.forEach((k, cv) -> {
            var ap = r40 ? cv.ap() : cv.apR11();
            b.append(String.format(Locale.ROOT, "%-11s %-9s %10.4f %10.4f %10.4f%n", c.label(), k.key(), ap.get(0),
                    ap.get(1), ap.get(2)));
        }));
    }
}
