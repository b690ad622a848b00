package io.avreplay.perception.run;

import io.avreplay.eval.coco.CocoAnnotation;
import io.avreplay.eval.coco.CocoDetection;
import io.avreplay.eval.detection.Box2d;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.eval.log.WorldFrame;
import io.avreplay.perception.api.Detection2d;
import io.avreplay.perception.api.Detection3d;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.Annotation2d;
import java.util.List;
import java.util.Optional;

/**
 * Turns detector output and log ground truth into the evaluators' records: 3D detections from the ego
 * frame into the world frame (as {@link io.avreplay.eval.log.LogGroundTruth} does for the ground truth),
 * 2D boxes from corners to COCO's {@code [x, y, w, h]}.
 */
final class EvalConversions {
    private EvalConversions() {
    }

    /** @return the nuScenes evaluation record, or empty when the category has no nuScenes class */
    static Optional<io.avreplay.eval.detection.Detection3d> toWorld(String sampleToken, Detection3d d, Pose egoToWorld) {
        Optional<String> cls = CategoryTable.standard().nuScenesClass(d.category());
        if (cls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new io.avreplay.eval.detection.Detection3d(sampleToken, WorldFrame.box(d.box(), egoToWorld),
                WorldFrame.velocity(d.vx(), d.vy(), egoToWorld), cls.get(), d.score(), ""));
    }

    /** @return the COCO detection, or empty when the category is not one of {@code categories} */
    static Optional<CocoDetection> toCoco(long imageId, Detection2d d, List<String> categories) {
        int k = categories.indexOf(d.category());
        if (k < 0) {
            return Optional.empty();
        }
        return Optional.of(new CocoDetection(imageId, k + 1L, new Box2d(d.x1(), d.y1(), d.x2() - d.x1(), d.y2() - d.y1()),
                d.score()));
    }

    /**
     * @return the COCO annotation of a 2D ground-truth box, or empty when its category is not scored;
     *         {@code dontcare} regions have no category and are left out
     */
    static Optional<CocoAnnotation> toCoco(long annotationId, long imageId, Annotation2d a, List<String> categories) {
        int k = categories.indexOf(a.category());
        if (k < 0) {
            return Optional.empty();
        }
        double w = a.x2() - a.x1();
        double h = a.y2() - a.y1();
        return Optional.of(new CocoAnnotation(annotationId, imageId, k + 1L, new Box2d(a.x1(), a.y1(), w, h), w * h,
                false));
    }
}
