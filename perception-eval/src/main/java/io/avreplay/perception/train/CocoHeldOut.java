package io.avreplay.perception.train;

import io.avreplay.eval.coco.CocoAnnotation;
import io.avreplay.eval.coco.CocoDetection;
import io.avreplay.eval.coco.CocoEvaluator;
import io.avreplay.eval.coco.CocoGroundTruth;
import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.coco.CocoStat;
import io.avreplay.replay.export.CocoNumbering;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.GroundTruth2d;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores camera detections of held-out frames with the project's COCO evaluator: one image per frame,
 * one category per model class (id = class index + 1), boxes in original image pixels. Under
 * {@link Protocol#ALL} every ground-truth box of a model class (however small) is a non-crowd annotation;
 * under {@link Protocol#KITTI_MODERATE} the boxes KITTI's Moderate difficulty would not score become
 * crowd (ignore) regions, as KITTI treats them like DontCare: a detection on one is neither a true nor a
 * false positive. Not thread-safe.
 */
public final class CocoHeldOut {
    /** Which ground-truth boxes count. */
    public enum Protocol {
        /** Every box of a model class, however small or occluded. */
        ALL,
        /**
         * KITTI Moderate: box height at least {@link #MIN_HEIGHT_PX} pixels, occlusion level at most 1
         * (partly occluded), truncation at most 0.3; other boxes are ignore regions.
         */
        KITTI_MODERATE;

        /** KITTI Moderate's minimum box height, pixels. */
        public static final double MIN_HEIGHT_PX = 25;

        boolean counts(GroundTruth2d a) {
            return this == ALL || (a.box().y2() - a.box().y1() >= MIN_HEIGHT_PX && a.occlusion() <= 1 && a.truncation() <= 0.3);
        }
    }

    private final List<String> classes;
    private final Protocol protocol;
    private final List<Long> images = new ArrayList<>();
    private final List<CocoAnnotation> annotations = new ArrayList<>();
    private final List<CocoDetection> detections = new ArrayList<>();

    /** @param classes the model's classes, heatmap order */
    public CocoHeldOut(List<String> classes, Protocol protocol) {
        this.classes = List.copyOf(classes);
        this.protocol = protocol;
    }

    /** Adds one frame's ground truth and detections. */
    public void add(List<GroundTruth2d> groundTruth, List<Detection2d> found) {
        long image = images.size() + 1;
        images.add(image);
        for (GroundTruth2d a : groundTruth) {
            int k = CategoryTable.standard().evalClass(a.category()).map(classes::indexOf).orElse(-1);
            if (k >= 0) {
                Box2d box = a.box();
                annotations.add(new CocoAnnotation(annotations.size() + 1, image, CocoNumbering.categoryId(classes, k), box, box.area(),
                        !protocol.counts(a)));
            }
        }
        for (Detection2d d : found) {
            CocoDetection.of(image, d, classes).ifPresent(detections::add);
        }
    }

    /** @return the evaluator's result over everything added */
    public CocoResult result() {
        Map<Long, String> cats = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            cats.put(CocoNumbering.categoryId(classes, k), classes.get(k));
        }
        return new CocoEvaluator().evaluate(new CocoGroundTruth(images, cats, annotations), detections);
    }

    /**
     * @param prefix key prefix, e.g. {@code coco}
     * @return flat metrics for a model card: {@code <prefix>.<stat>} for the twelve summary statistics and
     *         {@code <prefix>.ap50.<class>} / {@code <prefix>.ap.<class>} per category; NaN where undefined
     */
    public static Map<String, Double> flatten(CocoResult r, String prefix) {
        Map<String, Double> out = new TreeMap<>();
        for (CocoStat s : CocoStat.values()) {
            out.put(prefix + "." + s.name(), r.stats().getOrDefault(s, Double.NaN));
        }
        r.perCategory().values().forEach(c -> {
            out.put(prefix + ".ap50." + c.name(), c.ap50());
            out.put(prefix + ".ap." + c.name(), c.ap());
        });
        return out;
    }
}
