package io.avreplay.scenario.overlay;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;

/**
 * The marks of an open log's frames: its ground truth at a frame's timestamp against a run's detections
 * at the same timestamp ({@link Overlays}). Not thread-safe (reads through the caller's {@link LogReader},
 * which stays the caller's).
 */
public final class LogOverlays {
    private final LogReader log;
    private final RunDetections run;
    private final boolean withRun;

    /**
     * @param log     an open log
     * @param run     the run's detections ({@link RunDetections#none()} when no run is shown)
     * @param withRun whether a run is shown (without one, scored ground truth is {@link MatchStatus#TRUTH})
     */
    public LogOverlays(LogReader log, RunDetections run, boolean withRun) {
        this.log = log;
        this.run = run;
        this.withRun = withRun;
    }

    /** @return the 3D marks of the sweep at exactly {@code sweepNs} (ego frame) */
    public List<Mark3d> marks3d(long sweepNs) {
        List<GroundTruth3d> truth = log.annotations3d().map(s -> boxesAt(s, sweepNs)).orElse(List.of());
        return Overlays.marks3d(truth, run.at(log.manifest().logId(), sweepNs), withRun);
    }

    /** @return the 2D marks of the camera image at exactly {@code frameNs} (pixels) */
    public List<Mark2d> marks2d(String camera, long frameNs) {
        List<GroundTruth2d> truth = log.annotations2d(camera).map(s -> boxesAt(s, frameNs)).orElse(List.of());
        return Overlays.marks2d(truth, run.at(log.manifest().logId(), camera, frameNs), withRun);
    }

    /** @return the score floor of the detections shown, for legends */
    public double minScore() {
        return run.minScore();
    }

    /** @return whether a run is shown */
    public boolean withRun() {
        return withRun;
    }

    private static <T> List<T> boxesAt(FrameStream<AnnotationFrame<T>> s, long ts) {
        if (s.size() == 0) {
            return List.of();
        }
        int i = s.nearestIndex(ts);
        if (i < 0 || s.timestampNs(i) != ts) {
            return List.of();
        }
        return s.read(i).boxes();
    }
}
