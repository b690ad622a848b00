package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.ImageEncoding;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Test fixture (shared with other modules through the test-jar): writes small, fully deterministic
 * logs with every stream kind. Frame contents are simple functions of the index so tests can check
 * them without keeping the originals.
 */
public final class TestLogs {
    /** Start of every fixture log, ns. */
    public static final long T0 = 1_700_000_000_000_000_000L;
    public static final long LIDAR_PERIOD_NS = 100_000_000L;
    public static final long CAMERA_PERIOD_NS = 50_000_000L;
    public static final long POSE_PERIOD_NS = 10_000_000L;

    private TestLogs() {
    }

    /** Options of a fixture log. */
    public record Spec(String logId, int sweeps, int pointsPerSweep, WriteOptions options) {
        public static Spec small() {
            return new Spec("fixture-log", 10, 500, WriteOptions.defaults());
        }

        public Spec withSweeps(int n) {
            return new Spec(logId, n, pointsPerSweep, options);
        }

        public Spec withPoints(int n) {
            return new Spec(logId, sweeps, n, options);
        }

        public Spec withOptions(WriteOptions o) {
            return new Spec(logId, sweeps, pointsPerSweep, o);
        }

        public Spec withId(String id) {
            return new Spec(id, sweeps, pointsPerSweep, options);
        }
    }

    /** Writes a log of {@code spec.sweeps()} lidar sweeps (10 Hz), a front camera (20 Hz), poses (100 Hz), 3D and 2D GT. */
    public static LogManifest write(Path dir, BufferAllocator allocator, Spec spec) {
        try (LogWriter w = LogWriter.create(dir, new LogMetadata(spec.logId(), "fixture-car", "test-city",
                Map.of("purpose", "test")), allocator, spec.options())) {
            w.addCalibration(SensorCalibration.lidar("lidar_top", new Pose(Quaternion.IDENTITY, new Vec3(1.0, 0, 1.8))));
            w.addCalibration(SensorCalibration.camera("cam_front",
                    new Pose(Quaternion.fromEuler(-Math.PI / 2, 0, -Math.PI / 2), new Vec3(1.5, 0, 1.5)),
                    CameraIntrinsics.pinhole(500, 500, 320, 240, 640, 480)));
            long end = T0 + (spec.sweeps() - 1) * LIDAR_PERIOD_NS;
            for (long t = T0; t <= end; t += POSE_PERIOD_NS) {
                double s = (t - T0) / 1e9;
                w.writeEgoPose(new EgoPose(t, new Pose(Quaternion.fromYaw(0.01 * s), new Vec3(10 * s, 0, 0)),
                        new Vec3(10, 0, 0)));
            }
            for (int i = 0; i < spec.sweeps(); i++) {
                long t = T0 + i * LIDAR_PERIOD_NS;
                w.writeLidarSweep(sweep("lidar_top", t, i, spec.pointsPerSweep()));
                w.writeAnnotations3d(t, boxes(i));
            }
            for (long t = T0; t <= end; t += CAMERA_PERIOD_NS) {
                int k = (int) ((t - T0) / CAMERA_PERIOD_NS);
                w.writeCameraFrame(new CameraFrame("cam_front", t, ImageEncoding.JPEG, imageBytes(k), 640, 480));
                w.writeAnnotations2d("cam_front", t, List.of(
                        new GroundTruth2d(new Box2d(100 + k, 200, 180 + k, 260), "car", "car-1", 0f, 0)));
            }
            return w.commit();
        }
    }

    /** The sweep the fixture writes at index {@code i}: point j at (i + j/1000, -j/1000, 0.5), intensity j/n. */
    public static LidarSweep sweep(String sensor, long t, int i, int n) {
        float[] x = new float[n];
        float[] y = new float[n];
        float[] z = new float[n];
        float[] in = new float[n];
        byte[] ring = new byte[n];
        int[] off = new int[n];
        for (int j = 0; j < n; j++) {
            x[j] = i + j / 1000f;
            y[j] = -j / 1000f;
            z[j] = 0.5f;
            in[j] = (float) j / n;
            ring[j] = (byte) (j % 32);
            off[j] = (int) ((long) j * 100_000_000L / n);
        }
        return new LidarSweep(sensor, t, x, y, z, in, ring, off);
    }

    /** Asserts that {@code got} has exactly {@code want}'s points, column by column (not the sensor or time). */
    public static void assertSamePoints(LidarSweep want, LidarSweep got) {
        assertArrayEquals(want.x(), got.x());
        assertArrayEquals(want.y(), got.y());
        assertArrayEquals(want.z(), got.z());
        assertArrayEquals(want.intensity(), got.intensity());
        assertArrayEquals(want.ring(), got.ring());
        assertArrayEquals(want.offsetNs(), got.offsetNs());
    }

    /** The 3D ground truth of sweep {@code i}: one car ahead moving at 5 m/s and one pedestrian. */
    public static List<GroundTruth3d> boxes(int i) {
        List<GroundTruth3d> out = new ArrayList<>();
        out.add(new GroundTruth3d(Box3d.ego(new Vec3(10 + 0.5 * i, 0, 0.8), 4.5, 1.9, 1.6, 0.0), "car", "car-1", 120,
                5, 0, Detection3d.attributeList("vehicle.moving"), 1f));
        out.add(new GroundTruth3d(Box3d.ego(new Vec3(8, 4, 0.9), 0.6, 0.6, 1.8, Math.PI / 2), "pedestrian", "ped-1",
                0, Double.NaN, Double.NaN, Detection3d.attributeList("pedestrian.standing"), 0.5f));
        return out;
    }

    /** Deterministic pseudo-image bytes for camera frame {@code k}. */
    public static byte[] imageBytes(int k) {
        byte[] b = new byte[256 + k];
        new Random(k).nextBytes(b);
        return b;
    }
}
