package io.avreplay.perception.run;

import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ExecBackend;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.RawFrames;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A detector for the {@link TestLogs} fixture that answers with the fixture's own ground truth (a perfect
 * model), or nothing at all (a blind one), and records what the loop handed it. Public for the tests of
 * later modules (the gate's).
 */
public final class ScriptedDetector implements Detector {
    /** The size of every batch handed to {@link #detectAll}, in order. */
    public final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    /** Every frame set detected, in order. */
    public final List<FrameSet> seen = Collections.synchronizedList(new ArrayList<>());
    private final ModelCard card;
    private final boolean fail;
    private final boolean blind;

    private ScriptedDetector(ModelTask task, boolean fail) {
        this(task, fail, false);
    }

    private ScriptedDetector(ModelTask task, boolean fail, boolean blind) {
        this.card = new ModelCard("scripted-" + task.name().toLowerCase(java.util.Locale.ROOT), task, "fixture truth",
                new RawFrames(), List.of("car", "pedestrian"), 1, 0.05, 0.5, 100, 0, null,
                new ExecBackend(List.of("true"), "", Map.of(), 1000, 1000));
        this.fail = fail;
        this.blind = blind;
    }

    /** The car of sweep i at its ground-truth box: ego (10 + 0.5 i, 0, 0.8), 4.5 x 1.9 x 1.6 m, 5 m/s. */
    public static ScriptedDetector lidar() {
        return new ScriptedDetector(ModelTask.LIDAR_3D, false);
    }

    /** The car of camera frame k at its ground-truth box [100 + k, 200, 180 + k, 260]. */
    public static ScriptedDetector camera() {
        return new ScriptedDetector(ModelTask.CAMERA_2D, false);
    }

    /** A lidar detector that fails on its first batch. */
    public static ScriptedDetector failingLidar() {
        return new ScriptedDetector(ModelTask.LIDAR_3D, true);
    }

    /** A lidar detector that finds nothing in any sweep. */
    public static ScriptedDetector blindLidar() {
        return new ScriptedDetector(ModelTask.LIDAR_3D, false, true);
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public Detections detect(FrameSet frames) {
        if (fail) {
            throw new IllegalStateException("scripted failure");
        }
        seen.add(frames);
        long t = frames.timestampNs();
        if (blind) {
            return new Detections(t, List.of(), List.of());
        }
        if (card.task() == ModelTask.LIDAR_3D) {
            int i = (int) ((t - TestLogs.T0) / TestLogs.LIDAR_PERIOD_NS);
            return new Detections(t, List.of(Detection3d.of(Box3d.ego(new Vec3(10 + 0.5 * i, 0, 0.8), 4.5, 1.9, 1.6, 0),
                    "car", 0.9, 5, 0)), List.of());
        }
        int k = (int) ((t - TestLogs.T0) / TestLogs.CAMERA_PERIOD_NS);
        return new Detections(t, List.of(), List.of(Detection2d.of("cam_front", new Box2d(100 + k, 200, 180 + k, 260),
                "car", 0.8)));
    }

    @Override
    public List<Detections> detectAll(List<FrameSet> frames) {
        batchSizes.add(frames.size());
        return frames.stream().map(this::detect).toList();
    }
}
