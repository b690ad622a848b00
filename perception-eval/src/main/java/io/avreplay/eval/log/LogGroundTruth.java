package io.avreplay.eval.log;

import io.avreplay.replay.log.SampleToken;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * A log's 3D ground truth as nuScenes evaluation input: every annotated timestamp becomes a sample
 * (token {@link SampleToken}), boxes and velocities go from the ego frame into the
 * world frame with the ego pose at that timestamp, and the ego position of each sample is recorded so
 * class ranges are measured from the ego as the devkit does. Categories map through {@link io.avreplay.replay.object.CategoryTable};
 * unmapped ones are counted in {@link Converted#skippedBoxes()}.
 */
public final class LogGroundTruth {
    private LogGroundTruth() {
    }

    /**
     * The converted ground truth.
     *
     * @param groundTruth  the evaluator input
     * @param skippedBoxes boxes whose category has no nuScenes class
     */
    public record Converted(NuScenesGroundTruth groundTruth, int skippedBoxes) {
    }

    /** Converts every annotated timestamp of the log. */
    public static Converted read(LogReader log) {
        return read(log, t -> true);
    }

    /**
     * Converts the annotated timestamps accepted by {@code window} (e.g. a scenario's time window).
     *
     * @throws BadInputException when the log has no 3D ground truth
     */
    public static Converted read(LogReader log, LongPredicate window) {
        FrameStream<AnnotationFrame<GroundTruth3d>> gt = log.annotations3d().orElseThrow(() ->
                new BadInputException(log.directory() + ": the log has no 3D ground truth (annotations.arrow)"));
        Collector c = new Collector();
        for (int i = 0; i < gt.size(); i++) {
            long ts = gt.timestampNs(i);
            if (!window.test(ts)) {
                continue;
            }
            Pose egoToWorld = log.egoTrajectory().isEmpty() ? Pose.IDENTITY
                    : log.egoTrajectory().at(ts).egoToWorld();
            c.add(SampleToken.of(log.manifest(), ts).value(), egoToWorld, gt.read(i).boxes());
        }
        return c.converted();
    }

    /**
     * Converts ground truth sample by sample, as {@link #read} does, for callers that already hold it (the
     * detection loop's frame sets carry each sweep's boxes and ego pose). Not thread-safe.
     */
    public static final class Collector {
        private final List<InSample<GroundTruth3d>> boxes = new ArrayList<>();
        private final List<String> samples = new ArrayList<>();
        private final Map<String, NuScenesGroundTruth.EgoPosition> ego = new HashMap<>();
        private int skipped;

        /**
         * Adds one sample.
         *
         * @param token      the sample token
         * @param egoToWorld the ego pose at the sample
         * @param egoBoxes   the sample's boxes, ego frame, source categories
         */
        public void add(String token, Pose egoToWorld, List<GroundTruth3d> egoBoxes) {
            samples.add(token);
            Vec3 e = egoToWorld.translation();
            ego.put(token, new NuScenesGroundTruth.EgoPosition(e.x(), e.y(), e.z()));
            for (GroundTruth3d a : egoBoxes) {
                var cls = CategoryTable.standard().nuScenesClass(a.category());
                if (cls.isEmpty()) {
                    skipped++;
                    continue;
                }
                boxes.add(toWorld(token, a, cls.get(), egoToWorld));
            }
        }

        /** @return what was added, as the evaluator's input */
        public Converted converted() {
            return new Converted(new NuScenesGroundTruth(boxes, samples, ego, Map.of()), skipped);
        }
    }

    static InSample<GroundTruth3d> toWorld(String token, GroundTruth3d a, String cls, Pose egoToWorld) {
        String attribute = NuScenesConfig.ATTRIBUTE_NAMES.contains(a.attribute()) ? a.attribute() : "";
        GroundTruth3d world = WorldFrame.toWorld(a, egoToWorld);
        return new InSample<>(token, new GroundTruth3d(world.box(), cls, a.trackId(), a.numPoints(), world.vx(),
                world.vy(), Detection3d.attributeList(attribute), a.visibility()));
    }
}
