package io.avreplay.perception.train;

import io.avreplay.eval.coco.CocoAnnotation;
import io.avreplay.eval.coco.CocoDetection;
import io.avreplay.eval.coco.CocoEvaluator;
import io.avreplay.eval.coco.CocoGroundTruth;
import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.coco.CocoStat;
import io.avreplay.eval.detection.Box2d;
import io.avreplay.perception.api.Detection2d;
import io.avreplay.perception.api.DetectionClasses;
import io.avreplay.replay.log.Annotation2d;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores camera detections of held-out frames with the project's COCO evaluator: one image per frame,
 * one category per model class (id = class index + 1), every ground-truth box of a model class (however
 * small) as a non-crowd annotation, boxes in original image pixels. Not thread-safe.
 */
public final class CocoHeldOut {
    private final List<String> classes;
    private final List<Long> images = new ArrayList<>();
    private final List<CocoAnnotation> annotations = new ArrayList<>();
    private final List<CocoDetection> detections = new ArrayList<>();

    /** @param classes the model's classes, heatmap order */
    public CocoHeldOut(List<String> classes) {
        this.classes = List.copyOf(classes);
    }

    /** Adds one frame's ground truth and detections. */
    public void add(List<Annotation2d> groundTruth, List<Detection2d> found) {
        long image = images.size() + 1;
        images.add(image);
        for (Annotation2d a : groundTruth) {
            int k = DetectionClasses.of(a.category()).map(classes::indexOf).orElse(-1);
            if (k >= 0) {
                double w = a.x2() - a.x1();
                double h = a.y2() - a.y1();
                annotations.add(new CocoAnnotation(annotations.size() + 1, image, k + 1,
                        new Box2d(a.x1(), a.y1(), w, h), w * h, false));
            }
        }
        for (Detection2d d : found) {
            int k = classes.indexOf(d.category());
            if (k >= 0) {
                detections.add(new CocoDetection(image, k + 1, new Box2d(d.x1(), d.y1(), d.x2() - d.x1(),
                        d.y2() - d.y1()), d.score()));
            }
        }
    }

    /** @return the evaluator's result over everything added */
    public CocoResult result() {
        Map<Long, String> cats = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            cats.put((long) k + 1, classes.get(k));
        }
        return new CocoEvaluator().evaluate(new CocoGroundTruth(images, cats, annotations), detections);
    }

    /**
     * @return flat metrics for a model card: {@code coco.<stat>} for the twelve summary statistics and
     *         {@code coco.ap50.<class>} / {@code coco.ap.<class>} per category; NaN where undefined
     */
    public static Map<String, Double> flatten(CocoResult r) {
        Map<String, Double> out = new TreeMap<>();
        for (CocoStat s : CocoStat.values()) {
            out.put("coco." + s.name(), r.stats().getOrDefault(s, Double.NaN));
        }
        r.perCategory().values().forEach(c -> {
            out.put("coco.ap50." + c.name(), c.ap50());
            out.put("coco.ap." + c.name(), c.ap());
        });
        return out;
    }
}
