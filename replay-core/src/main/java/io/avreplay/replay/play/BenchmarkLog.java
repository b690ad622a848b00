package io.avreplay.replay.play;

import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.arrow.WriteOptions;
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
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes the benchmark's synthetic log: one lidar at 10 Hz, two cameras at 20 Hz with 64 kB images,
 * ego poses at 100 Hz, 20 3D boxes per sweep and one 2D box per image. Uncompressed.
 */
final class BenchmarkLog {
    static final String LIDAR = "lidar_top";
    static final List<String> CAMERAS = List.of("cam_front", "cam_rear");
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long LIDAR_PERIOD_NS = 100_000_000L;
    static final long CAMERA_PERIOD_NS = 50_000_000L;
    static final int IMAGE_BYTES = 64 << 10;

    private BenchmarkLog() {
    }

    /** @return the number of sweeps needed for about {@code bytes} of lidar data */
    static int sweepsFor(long bytes, int pointsPerSweep) {
        return (int) Math.max(1, (bytes + 21L * pointsPerSweep - 1) / (21L * pointsPerSweep));
    }

    /** @return true when {@code dir} holds the log {@link #write} would write for these arguments */
    static boolean isPresent(Path dir, int sweeps, int points) {
        if (!java.nio.file.Files.isRegularFile(dir.resolve(LogManifest.FILE_NAME))) {
            return false;
        }
        LogManifest m = io.avreplay.replay.arrow.LogReader.readManifest(dir);
        return m.logId().equals(logId(sweeps, points))
                && m.stream(io.avreplay.replay.log.StreamKind.LIDAR, LIDAR).map(s -> s.count() == sweeps).orElse(false);
    }

    private static String logId(int sweeps, int points) {
        return "bench-" + sweeps + "x" + points;
    }

    static LogManifest write(Path dir, BufferAllocator allocator, int sweeps, int points) {
        SplittableRandom rnd = new SplittableRandom(42);
        float[] x = new float[points];
        float[] y = new float[points];
        float[] z = new float[points];
        float[] in = new float[points];
        byte[] ring = new byte[points];
        int[] off = new int[points];
        for (int j = 0; j < points; j++) {
            x[j] = (float) rnd.nextDouble(-80, 80);
            y[j] = (float) rnd.nextDouble(-80, 80);
            z[j] = (float) rnd.nextDouble(-2, 4);
            in[j] = (float) rnd.nextDouble();
            ring[j] = (byte) (j % 128);
            off[j] = (int) ((long) j * LIDAR_PERIOD_NS / points);
        }
        byte[] image = new byte[IMAGE_BYTES];
        rnd.nextBytes(image);
        try (LogWriter w = LogWriter.create(dir, new LogMetadata(logId(sweeps, points), "bench-car", "nowhere",
                Map.of("purpose", "benchmark")), allocator, WriteOptions.defaults().withOverwrite(true))) {
            w.addCalibration(SensorCalibration.lidar(LIDAR, Pose.IDENTITY));
            for (String c : CAMERAS) {
                w.addCalibration(SensorCalibration.camera(c, Pose.IDENTITY,
                        CameraIntrinsics.pinhole(1000, 1000, 800, 450, 1600, 900)));
            }
            long end = T0 + (sweeps - 1) * LIDAR_PERIOD_NS;
            for (long t = T0; t <= end; t += 10_000_000L) {
                double s = (t - T0) / 1e9;
                w.writeEgoPose(new EgoPose(t, new Pose(Quaternion.fromYaw(0.05 * s), new Vec3(10 * s, 0, 0)),
                        new Vec3(10, 0, 0)));
            }
            for (int i = 0; i < sweeps; i++) {
                long t = T0 + i * LIDAR_PERIOD_NS;
                x[i % points] += 0.001f; // frames differ a little
                w.writeLidarSweep(new LidarSweep(LIDAR, t, x, y, z, in, ring, off));
                w.writeAnnotations3d(t, boxes(i));
                for (long tc = t; tc < t + LIDAR_PERIOD_NS && tc <= end; tc += CAMERA_PERIOD_NS) {
                    for (String c : CAMERAS) {
                        w.writeCameraFrame(new CameraFrame(c, tc, ImageEncoding.JPEG, image, 1600, 900));
                        w.writeAnnotations2d(c, tc, List.of(new GroundTruth2d(new Box2d(10, 20, 110, 80), "car",
                                "car-0", 0f, 0)));
                    }
                }
            }
            return w.commit();
        }
    }

    private static List<GroundTruth3d> boxes(int i) {
        List<GroundTruth3d> out = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            out.add(new GroundTruth3d(Box3d.ego(new Vec3(5 + k * 3 + 0.1 * i, k % 2 * 4 - 2, 0.8),
                    4.5, 1.9, 1.6, 0.0), "car", "car-" + k, 100, 5, 0, Detection3d.attributeList("vehicle.moving"),
                            1f));
        }
        return out;
    }
}
