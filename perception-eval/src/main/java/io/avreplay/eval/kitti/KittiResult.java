package io.avreplay.eval.kitti;

import io.avreplay.eval.detection.EvalProvenance;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A KITTI object result. A class/metric is absent when the devkit would skip it (no qualifying
 * detection of that class; AOS also when any detection's alpha is -10).
 *
 * @param provenance              where it came from
 * @param curves                  class to metric to its curves and APs
 * @param frames                  frames evaluated
 * @param framesWithoutGt         frames with predictions but no label file
 * @param framesWithoutPredictions frames with a label file but no predictions file
 */
public record KittiResult(EvalProvenance provenance, Map<KittiClass, Map<KittiMetric, Curves>> curves, int frames,
        int framesWithoutGt, int framesWithoutPredictions) {
    /** Copies the maps. */
    public KittiResult {
        Objects.requireNonNull(provenance, "provenance");
        EnumMap<KittiClass, Map<KittiMetric, Curves>> c = new EnumMap<>(KittiClass.class);
        curves.forEach((k, v) -> c.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
        curves = Collections.unmodifiableMap(c);
    }

    /**
     * The devkit's 41 interpolated precision (or AOS) values per difficulty and the APs from them.
     *
     * @param precision [easy, moderate, hard] x 41 values at recall 0, 1/40, ..., 1
     * @param ap        AP|R40 in percent: mean of values 1..40, times 100
     * @param apR11     AP|R11 in percent: mean of values 0, 4, ..., 40, times 100
     */
    public record Curves(List<List<Double>> precision, List<Double> ap, List<Double> apR11) {
        /** Copies the lists; requires 3 difficulties. */
        public Curves {
            precision = precision.stream().map(List::copyOf).toList();
            ap = List.copyOf(ap);
            apR11 = List.copyOf(apR11);
            if (precision.size() != 3 || ap.size() != 3 || apR11.size() != 3) {
                throw new IllegalArgumentException("KITTI curves need easy, moderate and hard");
            }
        }

        static Curves of(double[][] p) {
            List<List<Double>> rows = new java.util.ArrayList<>();
            Double[] ap = new Double[3];
            Double[] r11 = new Double[3];
            for (int d = 0; d < 3; d++) {
                List<Double> row = new java.util.ArrayList<>();
                double s40 = 0;
                double s11 = 0;
                for (int i = 0; i < p[d].length; i++) {
                    row.add(p[d][i]);
                    if (i >= 1) {
                        s40 += p[d][i];
                    }
                    if (i % 4 == 0) {
                        s11 += p[d][i];
                    }
                }
                rows.add(row);
                ap[d] = s40 / 40 * 100;
                r11[d] = s11 / 11 * 100;
            }
            return new Curves(rows, List.of(ap), List.of(r11));
        }
    }
}
