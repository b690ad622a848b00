package io.avreplay.eval.coco;

import java.util.Locale;

/** Renders a {@link CocoResult} as pycocotools' {@code summarize()} printout plus a per-category table. */
public final class CocoText {
    private static final String[] IOU = {"0.50:0.95", "0.50     ", "0.75     ", "0.50:0.95", "0.50:0.95", "0.50:0.95",
        "0.50:0.95", "0.50:0.95", "0.50:0.95", "0.50:0.95", "0.50:0.95", "0.50:0.95"};
    private static final String[] AREA = {"all", "all", "all", "small", "medium", "large", "all", "all", "all",
        "small", "medium", "large"};
    private static final int[] DETS = {100, 100, 100, 100, 100, 100, 1, 10, 100, 100, 100, 100};

    private CocoText() {
    }

    /** @return the summary, lines ending in {@code \n} */
    public static String write(CocoResult r) {
        StringBuilder b = new StringBuilder();
        CocoStat[] stats = CocoStat.values();
        for (int i = 0; i < stats.length; i++) {
            boolean ap = i < 6;
            b.append(String.format(Locale.ROOT, " %-18s %s @[ IoU=%s | area=%6s | maxDets=%3d ] = %.3f%n",
                    ap ? "Average Precision" : "Average Recall", ap ? "(AP)" : "(AR)", IOU[i], AREA[i], DETS[i],
                    r.stats().get(stats[i])));
        }
        b.append(String.format("%n"));
        b.append(String.format(Locale.ROOT, "%-6s %-20s %10s %10s %10s %10s%n", "catId", "name", "AP", "AP50", "AP75",
                "AR@100"));
        r.perCategory().forEach((id, a) -> b.append(String.format(Locale.ROOT, "%-6d %-20s %10.6f %10.6f %10.6f %10.6f%n",
                id, a.name(), a.ap(), a.ap50(), a.ap75(), a.ar100())));
        return b.toString();
    }
}
