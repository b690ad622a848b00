package io.avreplay.eval.log;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.EgoPosition;
import io.avreplay.eval.tracking.TrackingBox;
import io.avreplay.eval.tracking.TrackingConfig;
import io.avreplay.eval.tracking.TrackingGroundTruth;
import io.avreplay.eval.tracking.TrackingScene;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.SampleToken;
import io.avreplay.replay.object.BoxFrame;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A log's own ground truth and a tracker's output as inputs of the nuScenes tracking evaluator
 * ({@link io.avreplay.eval.tracking.TrackingEvaluator}): one scene per log (token and name = the log id),
 * one sample per annotated timestamp (token {@link SampleToken}, timestamp in
 * microseconds), boxes moved from the ego frame into the world frame with the ego pose of their timestamp,
 * the ego position of every sample recorded (class ranges are measured from it), categories mapped through
 * {@link CategoryTable#nuScenesClass} and kept when they are a tracking class of the configuration. The
 * track id of a ground-truth box is its {@link GroundTruth3d#trackId()}; a box without one becomes a track
 * of its own. Stateless.
 */
public final class LogTracking {
    private LogTracking() {
    }

    /**
     * One annotated timestamp of a log.
     *
     * @param sampleToken the sample token
     * @param timestampNs nanoseconds
     * @param egoToWorld  the ego pose at {@code timestampNs}
     * @param boxes       the ground truth, boxes in the ego frame, categories in the log's taxonomy
     */
    public record AnnotatedFrame(String sampleToken, long timestampNs, Pose egoToWorld, List<GroundTruth3d> boxes) {
        /** @throws IllegalArgumentException when a box is not in the ego frame */
        public AnnotatedFrame {
            Objects.requireNonNull(sampleToken, "sampleToken");
            Objects.requireNonNull(egoToWorld, "egoToWorld");
            boxes = List.copyOf(boxes);
            for (GroundTruth3d g : boxes) {
                if (g.box().frame() != BoxFrame.EGO) {
                    throw new IllegalArgumentException("sample " + sampleToken + ": ground truth must be in the EGO frame, "
                            + "got " + g.box().frame());
                }
            }
        }
    }

    /**
     * The converted ground truth of one log.
     *
     * @param groundTruth  the evaluator input (one scene)
     * @param skippedBoxes boxes whose category is not a tracking class (e.g. barriers, cones, potholes)
     */
    public record Converted(TrackingGroundTruth groundTruth, int skippedBoxes) {
    }

    /**
     * Reads every annotated timestamp of a log.
     *
     * @throws BadInputException when the log has no 3D ground truth
     */
    public static Converted read(LogReader log, TrackingConfig config) {
        FrameStream<AnnotationFrame<GroundTruth3d>> gt = log.annotations3d().orElseThrow(() ->
                new BadInputException(log.directory() + ": the log has no 3D ground truth (annotations.arrow)"));
        List<AnnotatedFrame> frames = new ArrayList<>(gt.size());
        for (int i = 0; i < gt.size(); i++) {
            long ts = gt.timestampNs(i);
            Pose egoToWorld = log.egoTrajectory().isEmpty() ? Pose.IDENTITY : log.egoTrajectory().at(ts).egoToWorld();
            frames.add(new AnnotatedFrame(SampleToken.of(log.manifest(), ts).value(), ts, egoToWorld,
                    gt.read(i).boxes()));
        }
        return convert(log.manifest().logId(), frames, config);
    }

    /**
     * Converts the annotated frames of one log.
     *
     * @param logId  the scene's token and name
     * @param frames in time order
     * @throws BadInputException when there is no frame or two frames share a microsecond
     */
    public static Converted convert(String logId, List<AnnotatedFrame> frames, TrackingConfig config) {
        List<TrackingScene.Sample> samples = new ArrayList<>();
        List<TrackingBox> boxes = new ArrayList<>();
        Map<String, EgoPosition> ego = new LinkedHashMap<>();
        int skipped = 0;
        for (AnnotatedFrame f : frames) {
            samples.add(new TrackingScene.Sample(f.sampleToken(), Math.floorDiv(f.timestampNs(), 1000L)));
            Vec3 e = f.egoToWorld().translation();
            ego.put(f.sampleToken(), new EgoPosition(e.x(), e.y(), e.z()));
            for (int i = 0; i < f.boxes().size(); i++) {
                GroundTruth3d g = f.boxes().get(i);
                Optional<String> cls = trackingClass(g.category(), config);
                if (cls.isEmpty()) {
                    skipped++;
                    continue;
                }
                Vec3 c = f.egoToWorld().apply(g.box().centre());
                String id = g.trackId().isEmpty() ? f.sampleToken() + "#" + i : g.trackId();
                boxes.add(new TrackingBox(f.sampleToken(), c.x(), c.y(), c.z(), id, cls.get(), -1.0, g.numPoints()));
            }
        }
        try {
            TrackingScene scene = new TrackingScene(logId, logId, samples);
            return new Converted(new TrackingGroundTruth(List.of(scene), boxes, ego, Map.of()), skipped);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("log " + logId + ": cannot score tracks: " + e.getMessage(), e);
        }
    }

    /**
     * Converts tracked detections (world frame, as {@link WorldFrame#toWorld} gives them) into tracking
     * boxes: the tracking score is the {@link Detection3d#trackScore()}; detections whose category has no
     * tracking class are left out.
     *
     * @throws IllegalArgumentException when a detection is untracked or not in the world frame
     */
    public static List<TrackingBox> predictions(List<InSample<Detection3d>> worldTracks, TrackingConfig config) {
        List<TrackingBox> out = new ArrayList<>(worldTracks.size());
        for (InSample<Detection3d> s : worldTracks) {
            Detection3d d = s.object();
            if (d.box().frame() != BoxFrame.WORLD) {
                throw new IllegalArgumentException("sample " + s.sampleToken() + ": tracks must be in the WORLD frame, got "
                        + d.box().frame());
            }
            if (d.trackId().isEmpty() || Double.isNaN(d.trackScore())) {
                throw new IllegalArgumentException("sample " + s.sampleToken() + ": detection of " + d.category()
                        + " has no track (trackId '" + d.trackId() + "', trackScore " + d.trackScore() + ")");
            }
            trackingClass(d.category(), config).ifPresent(cls -> out.add(new TrackingBox(s.sampleToken(), d.box().x(),
                    d.box().y(), d.box().z(), d.trackId(), cls, d.trackScore(), -1)));
        }
        return out;
    }

    /** @return the tracking class of a category of any taxonomy, when the configuration scores it */
    public static Optional<String> trackingClass(String category, TrackingConfig config) {
        return CategoryTable.standard().nuScenesClass(category).filter(config.classRangeM()::containsKey);
    }
}
