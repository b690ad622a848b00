package io.avreplay.scenario.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of ground truth by its class (rows) against the class of its cross-class match (columns), from
 * the class-agnostic matching; the last column {@value #NONE} counts unmatched ground truth and the last
 * row unmatched detections by their class. Counted ground truth of {@link ObjectFilter#ALL} only.
 *
 * @param labels the classes, in row and column order (without {@value #NONE})
 * @param counts {@code (labels.size() + 1)²} counts, row-major: [truth][predicted]
 */
public record ConfusionMatrix(List<String> labels, long[][] counts) {
    /** The label of "no match". */
    public static final String NONE = "none";

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        if (counts.length != labels.size() + 1) {
            throw new IllegalArgumentException("counts has " + counts.length + " rows, expected " + (labels.size() + 1));
        }
    }

    /** Counts a scenario's frames. */
    public static ConfusionMatrix of(List<MatchedFrame> frames, List<String> classes) {
        List<String> labels = new ArrayList<>(classes);
        int n = labels.size();
        long[][] c = new long[n + 1][n + 1];
        for (MatchedFrame fr : frames) {
            for (ObjectRow g : fr.truth()) {
                if (Placement.truth(g, ObjectFilter.ALL) == Placement.COUNTED && labels.contains(g.category())) {
                    int col = g.agnosticClass().isEmpty() ? n : labels.indexOf(g.agnosticClass());
                    c[labels.indexOf(g.category())][col < 0 ? n : col]++;
                }
            }
            for (ObjectRow d : fr.detections()) {
                if (d.agnosticClass().isEmpty() && labels.contains(d.category())) {
                    c[n][labels.indexOf(d.category())]++;
                }
            }
        }
        return new ConfusionMatrix(labels, c);
    }
}
