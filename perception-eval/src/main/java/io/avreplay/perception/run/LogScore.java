package io.avreplay.perception.run;

import io.avreplay.eval.coco.CocoAnnotation;
import io.avreplay.eval.coco.CocoDetection;
import io.avreplay.eval.coco.CocoEvaluator;
import io.avreplay.eval.coco.CocoGroundTruth;
import io.avreplay.eval.coco.CocoMetricData;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.log.LogGroundTruth;
import io.avreplay.eval.log.WorldFrame;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesMetricData;
import io.avreplay.replay.export.CocoNumbering;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Scores one log of a run: collects the evaluators' inputs from the {@link DetectionLoop}'s results (the
 * ground truth and ego pose the frame sets carry, nothing read again from the log) and accumulates them into
 * mergeable metric data, so a multi-log run equals evaluating everything at once. 3D: detections and ground
 * truth map to nuScenes classes through {@link CategoryTable} and move to the world frame with the sweep's
 * ego pose; every detected sweep is a sample. 2D: COCO, with category ids by {@link CocoNumbering}.
 * Not thread-safe.
 */
final class LogScore {
    private final List<String> categories;
    private final LogGroundTruth.Collector truth = new LogGroundTruth.Collector();
    private final List<InSample<Detection3d>> predictions3d = new ArrayList<>();
    private final List<CocoDetection> predictions2d = new ArrayList<>();
    private final List<Long> imageIds = new ArrayList<>();
    private final List<CocoAnnotation> annotations = new ArrayList<>();

    /** @param categories the camera model's classes (COCO categories; empty without a camera) */
    LogScore(List<String> categories) {
        this.categories = List.copyOf(categories);
    }

    /** Adds one detected sweep under its sample token. */
    void sweep(String token, DetectionLoop.SweepResult r) {
        truth.add(token, r.egoToWorld(), r.frameSet().groundTruth3d());
        for (Detection3d o : r.detections()) {
            CategoryTable.standard().nuScenesClass(o.category()).ifPresent(cls -> predictions3d.add(
                    new InSample<>(token, WorldFrame.toWorld(o, r.egoToWorld()).withCategory(cls))));
        }
    }

    /**
     * Adds one detected camera frame.
     *
     * @param imageId          the frame's COCO image id
     * @param nextAnnotationId gives the id of each ground-truth box scored
     * @return the COCO annotations made of the frame's scored ground truth, in order
     */
    List<CocoAnnotation> image(long imageId, DetectionLoop.ImageResult r, LongSupplier nextAnnotationId) {
        imageIds.add(imageId);
        List<CocoAnnotation> made = new ArrayList<>();
        for (GroundTruth2d a : r.groundTruth()) {
            CocoAnnotation.of(nextAnnotationId.getAsLong(), imageId, a.box(), a.category(), categories)
                    .ifPresent(made::add);
        }
        annotations.addAll(made);
        for (Detection2d o : r.detections()) {
            CocoDetection.of(imageId, o, categories).ifPresent(predictions2d::add);
        }
        return made;
    }

    /** @return the log's nuScenes metric data, and how many ground-truth boxes had no nuScenes class */
    NuScenesMetricData nuScenes(NuScenesEvaluator evaluator) {
        return evaluator.accumulate(truth.converted().groundTruth(), predictions3d);
    }

    /** @return the log's COCO metric data over the camera frames detected */
    CocoMetricData coco() {
        Map<Long, String> cats = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            cats.put(CocoNumbering.categoryId(categories, i), categories.get(i));
        }
        return new CocoEvaluator().accumulate(new CocoGroundTruth(imageIds, cats, annotations), predictions2d);
    }
}
