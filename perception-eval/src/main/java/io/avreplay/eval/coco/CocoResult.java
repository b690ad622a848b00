package io.avreplay.eval.coco;

import io.avreplay.eval.detection.EvalProvenance;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A COCO bbox result. A statistic with nothing to average is -1, as in pycocotools.
 *
 * @param provenance  where it came from
 * @param stats       the 12 summary statistics
 * @param perCategory category id (ascending) to its AP figures
 * @param images      images in the ground truth
 * @param detections  detections read
 */
public record CocoResult(EvalProvenance provenance, Map<CocoStat, Double> stats, Map<Long, CategoryAp> perCategory,
        int images, int detections) {
    /** Copies the maps; requires all 12 statistics. */
    public CocoResult {
        Objects.requireNonNull(provenance, "provenance");
        stats = Collections.unmodifiableMap(new EnumMap<>(stats));
        if (stats.size() != CocoStat.values().length) {
            throw new IllegalArgumentException("stats must hold all 12 statistics, got " + stats.keySet());
        }
        perCategory = Collections.unmodifiableMap(new LinkedHashMap<>(perCategory));
    }

    /**
     * Per-category figures (area all, 100 detections); -1 where the category has no ground truth.
     *
     * @param name  the category name
     * @param ap    AP at IoU .50:.95
     * @param ap50  AP at IoU .50
     * @param ap75  AP at IoU .75
     * @param ar100 AR with 100 detections
     */
    public record CategoryAp(String name, double ap, double ap50, double ap75, double ar100) {
        /** @throws NullPointerException when the name is null */
        public CategoryAp {
            Objects.requireNonNull(name, "name");
        }
    }
}
