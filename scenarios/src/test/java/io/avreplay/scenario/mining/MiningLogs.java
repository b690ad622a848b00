package io.avreplay.scenario.mining;

import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.arrow.WriteOptions;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A hand-made 20 s log whose events are known exactly (times from log start):
 * pop-out 2.0 s (pedestrian hidden 1.0–1.9 s); pedestrian crossing the ego path 5–7 s at x = 15 m
 * (inside the 2 m corridor 5.7–6.3 s); car cutting in 9–10.5 s (inside 1.8 m from 9.8 s); dense traffic
 * 11–12 s (14 cars); ego braking at 5 m/s² 14–16 s; pothole 10 m ahead 17–18 s.
 */
final class MiningLogs {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long S = 1_000_000_000L;

    private MiningLogs() {
    }

    static double egoX(double t) {
        if (t < 14) {
            return 10 * t;
        }
        if (t < 16) {
            return 140 + 10 * (t - 14) - 2.5 * (t - 14) * (t - 14);
        }
        return 150;
    }

    static double egoV(double t) {
        return t < 14 ? 10 : t < 16 ? 10 - 5 * (t - 14) : 0;
    }

    static GroundTruth3d box(String id, String cat, double x, double y, int points, float vis) {
        double l = cat.equals("pedestrian") ? 0.6 : 4.5;
        double w = cat.equals("pedestrian") ? 0.6 : 1.9;
        return new GroundTruth3d(Box3d.ego(new Vec3(x, y, 0.8), l, w, 1.6, 0), cat, id, points, Double.NaN,
                Double.NaN, List.of(), vis);
    }

    static List<GroundTruth3d> boxesAt(double t) {
        List<GroundTruth3d> out = new ArrayList<>();
        if (t >= 0.95 && t < 19.95) {
            boolean hidden = t < 1.95;
            out.add(box("ped-hidden", "pedestrian", 25, 8, hidden ? 0 : 30, hidden ? 0f : 1f));
        }
        if (t >= 4.95 && t <= 7.05) {
            out.add(box("ped-cross", "pedestrian", 15, 6 - 6 * (t - 5), 40, 1f));
        }
        if (t >= 8.0) {
            double y = t < 9 ? 3.5 : t < 10.5 ? 3.5 - (3.5 / 1.5) * (t - 9) : 0;
            out.add(box("cut-1", "car", 20, y, 100, 1f));
        }
        if (t >= 10.95 && t <= 12.05) {
            for (int k = 0; k < 14; k++) {
                out.add(box("dense-" + k, "car", -15 + 2.2 * k, k % 2 == 0 ? 10 : -10, 50, 1f));
            }
        }
        if (t >= 16.95 && t <= 18.05) {
            out.add(new GroundTruth3d(Box3d.ego(new Vec3(10, 0, 0), 0.8, 0.8, 0.1, 0), "pothole", "hole-1", 5, 0, 0,
                    List.of(), 1f));
        }
        return out;
    }

    static LogManifest write(Path dir, BufferAllocator allocator) {
        try (LogWriter w = LogWriter.create(dir, new LogMetadata("mining-log", "test-car", "test-city", Map.of()),
                allocator, WriteOptions.defaults())) {
            for (int k = 0; k < 2000; k++) {
                double t = k / 100.0;
                w.writeEgoPose(new EgoPose(T0 + k * 10_000_000L, new Pose(Quaternion.IDENTITY, new Vec3(egoX(t), 0, 0)),
                        new Vec3(egoV(t), 0, 0)));
            }
            for (int k = 0; k < 200; k++) {
                w.writeAnnotations3d(T0 + k * 100_000_000L, boxesAt(k / 10.0));
            }
            return w.commit();
        }
    }
}
