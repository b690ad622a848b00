package io.avreplay.perception.run;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.log.LogTracking;
import io.avreplay.eval.log.WorldFrame;
import io.avreplay.eval.tracking.TrackingConfig;
import io.avreplay.eval.tracking.TrackingEvaluator;
import io.avreplay.eval.tracking.TrackingGroundTruth;
import io.avreplay.eval.tracking.TrackingMetricData;
import io.avreplay.eval.tracking.TrackingResult;
import io.avreplay.eval.tracking.TrackingScene;
import io.avreplay.perception.track.Tracker;
import io.avreplay.perception.track.TrackerFrame;
import io.avreplay.perception.track.TrackerParams;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.export.NuScenesSubmission;
import io.avreplay.replay.export.NuScenesTrackingSubmission;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.object.Detection3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tracking step of a run: feeds each log's detections, sweep by sweep, through a {@link Tracker}, keeps
 * the tracks of the log's annotated samples, scores them against the log's own ground truth with the
 * nuScenes tracking evaluator ({@link LogTracking}; data of several logs merged, one scene per log) and
 * writes them as the devkit's tracking submission ({@code tracking_submission.json}). Call
 * {@link #addFrame} for every sweep of a log in time order, then {@link #endLog} (the log's data, merged
 * by the caller); after the last log, {@link #writeSubmission}; {@link #score} scores merged data. Not thread-safe.
 */
final class TrackingStep {
    /** The file the tracks are written to, in the output directory. */
    static final String SUBMISSION_FILE = "tracking_submission.json";

    /** A tracked sweep: its tracks in the ego frame, categories as the detector named them. */
    private record Tracked(String token, Pose egoToWorld, List<Detection3d> tracks) {
    }

    private final TrackerParams params;
    private final TrackingConfig config;
    private Tracker tracker;
    private String logId = "";
    private final Map<String, Tracked> logFrames = new HashMap<>();
    private final List<NuScenesSubmission.Sample> submission = new ArrayList<>();

    TrackingStep(TrackerParams params, TrackingConfig config) {
        this.params = Objects.requireNonNull(params, "params");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Tracks one sweep of a log; a new log id starts a new tracker.
     *
     * @param egoDetections detections of the sweep, boxes in the ego frame
     * @return the sweep's detections in order, those in a track with its id, score and estimated velocity
     *         (ego axes), the others unchanged (see {@link Tracker#annotate})
     */
    List<Detection3d> addFrame(String log, String sampleToken, long timestampNs, Pose egoToWorld,
            List<Detection3d> egoDetections) {
        if (tracker == null || !log.equals(logId)) {
            tracker = new Tracker(params);
            logId = log;
        }
        List<Detection3d> all = tracker.annotate(new TrackerFrame(timestampNs, egoToWorld, egoDetections));
        List<Detection3d> tracks = all.stream().filter(d -> !d.trackId().equals(Detection3d.NO_TRACK)).toList();
        logFrames.put(sampleToken, new Tracked(sampleToken, egoToWorld, tracks));
        return all;
    }

    /**
     * Matches the tracks of the log just fed against its ground truth.
     *
     * @return the log's tracking data (one scene)
     * @throws BadInputException without 3D ground truth
     */
    TrackingMetricData endLog(LogReader reader) {
        return endLog(LogTracking.read(reader, config).groundTruth());
    }

    /** @return the tracking data of the log just fed against its converted ground truth (one scene) */
    TrackingMetricData endLog(TrackingGroundTruth groundTruth) {
        List<InSample<Detection3d>> world = new ArrayList<>();
        for (TrackingScene scene : groundTruth.scenes()) {
            for (TrackingScene.Sample s : scene.samples()) {
                Tracked t = logFrames.get(s.token());
                List<Detection3d> kept = new ArrayList<>();
                if (t != null) {
                    for (Detection3d d : t.tracks()) {
                        LogTracking.trackingClass(d.category(), config).ifPresent(cls -> {
                            Detection3d named = d.withCategory(cls);
                            kept.add(named);
                            world.add(new InSample<>(s.token(), WorldFrame.toWorld(named, t.egoToWorld())));
                        });
                    }
                }
                Pose pose = t == null ? Pose.IDENTITY : t.egoToWorld();
                submission.add(NuScenesSubmission.Sample.ofDetections(s.token(), pose, kept));
            }
        }
        TrackingMetricData d = new TrackingEvaluator(config).accumulate(groundTruth,
                LogTracking.predictions(world, config));
        logFrames.clear();
        tracker = null;
        return d;
    }

    /**
     * Writes the tracks of every log ended so far, as the devkit's tracking submission, into {@code outDir}.
     *
     * @return the file written
     */
    Path writeSubmission(Path outDir) {
        Path file = outDir.resolve(SUBMISSION_FILE);
        NuScenesTrackingSubmission.write(submission, Map.of("use_lidar", true), file);
        return file;
    }

    /**
     * @param data   the tracking data of a run's logs, merged in log order
     * @param inputs the logs, recorded in the result's provenance
     * @return the tracking metrics, under the data's configuration
     */
    static TrackingResult score(TrackingMetricData data, List<String> inputs) {
        return new TrackingEvaluator(data.config()).score(data, new EvalProvenance("nuscenes-tracking",
                data.config().name(), inputs, ToolVersion.current()));
    }
}
