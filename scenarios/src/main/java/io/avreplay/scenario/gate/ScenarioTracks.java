package io.avreplay.scenario.gate;

import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.log.LogTracking;
import io.avreplay.eval.tracking.TrackingConfig;
import io.avreplay.eval.tracking.TrackingEvaluator;
import io.avreplay.eval.tracking.TrackingMetric;
import io.avreplay.eval.tracking.TrackingResult;
import io.avreplay.perception.track.Tracker;
import io.avreplay.perception.track.TrackerFrame;
import io.avreplay.perception.track.TrackerParams;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.object.BoxFrame;
import io.avreplay.replay.object.Detection3d;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracking metrics of a scenario's frames, for the tracking gate kinds ({@link MetricKind#tracking()}):
 * the frames' detections go through a {@link Tracker} with the default parameters and the tracks are scored
 * with the nuScenes tracking evaluator ({@code tracking_nips_2019}) against the frames' ground truth (its
 * track ids), one scene per scenario. {@link EvalFrame}s carry no ego pose, so tracking and scoring run in
 * each frame's ego frame (the ego at the origin): association predicts motion relative to the ego, which a
 * steadily moving ego keeps constant. Per-bin values are not defined (a track crosses bins). Immutable once
 * built; thread-safe.
 */
final class ScenarioTracks {
    private static final TrackingConfig CONFIG = TrackingConfig.nips2019();
    private final TrackingResult result;

    private ScenarioTracks(TrackingResult result) {
        this.result = result;
    }

    /** Tracks and scores the frames (time order). */
    static ScenarioTracks of(List<EvalFrame> frames) {
        Tracker tracker = new Tracker(TrackerParams.defaults());
        List<LogTracking.AnnotatedFrame> truth = new ArrayList<>(frames.size());
        List<InSample<Detection3d>> tracks = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            EvalFrame f = frames.get(i);
            String token = "frame-" + i;
            truth.add(new LogTracking.AnnotatedFrame(token, f.timestampNs(), Pose.IDENTITY, f.truth()));
            for (Detection3d d : tracker.update(new TrackerFrame(f.timestampNs(), Pose.IDENTITY, f.detections()))) {
                tracks.add(new InSample<>(token, d.withBox(d.box().transformed(Pose.IDENTITY, BoxFrame.WORLD), d.vx(),
                        d.vy())));
            }
        }
        if (frames.isEmpty()) {
            return new ScenarioTracks(null);
        }
        TrackingEvaluator ev = new TrackingEvaluator(CONFIG);
        return new ScenarioTracks(ev.score(ev.accumulate(LogTracking.convert("scenario", truth, CONFIG).groundTruth(),
                LogTracking.predictions(tracks, CONFIG)), new EvalProvenance("nuscenes-tracking", CONFIG.name(),
                List.of(), "")));
    }

    /** @return the metric of the metric's class; NaN without frames or for a class tracking does not score */
    double value(MetricId metric) {
        if (result == null || !CONFIG.classRangeM().containsKey(metric.className())) {
            return Double.NaN;
        }
        return result.value(TrackingMetric.ofKey(metric.kind().key()), metric.className());
    }
}
