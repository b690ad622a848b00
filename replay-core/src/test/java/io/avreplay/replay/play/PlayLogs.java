package io.avreplay.replay.play;

import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.arrow.WriteOptions;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.ImageEncoding;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.GroundTruth2d;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/** Replay fixtures with a chosen start time, sensor ids and camera offset (beyond {@link TestLogs}). */
final class PlayLogs {
    private PlayLogs() {
    }

    /**
     * @param t0             first lidar sweep, ns
     * @param sweeps         lidar sweeps at 10 Hz, 100 points each, 3D GT on each
     * @param lidar          lidar id, or "" for none
     * @param cameras        camera ids; each at 10 Hz starting at {@code t0 + cameraOffsetNs}, 2D GT on each
     * @param cameraOffsetNs camera time minus lidar time, ns
     */
    static Path write(Path dir, BufferAllocator allocator, String logId, long t0, int sweeps, String lidar,
            List<String> cameras, long cameraOffsetNs) {
        try (LogWriter w = LogWriter.create(dir, new LogMetadata(logId, "car", "city", Map.of()), allocator,
                WriteOptions.defaults())) {
            if (!lidar.isEmpty()) {
                w.addCalibration(SensorCalibration.lidar(lidar, Pose.IDENTITY));
            }
            for (String c : cameras) {
                w.addCalibration(SensorCalibration.camera(c, Pose.IDENTITY,
                        CameraIntrinsics.pinhole(100, 100, 32, 24, 64, 48)));
            }
            long end = t0 + (sweeps - 1) * TestLogs.LIDAR_PERIOD_NS;
            for (long t = t0; t <= end; t += TestLogs.POSE_PERIOD_NS) {
                double s = (t - t0) / 1e9;
                w.writeEgoPose(new EgoPose(t, new Pose(Quaternion.fromYaw(0.1 * s), new Vec3(10 * s, 0, 0)),
                        new Vec3(10, 0, 0)));
            }
            for (int i = 0; i < sweeps; i++) {
                long t = t0 + i * TestLogs.LIDAR_PERIOD_NS;
                if (!lidar.isEmpty()) {
                    w.writeLidarSweep(TestLogs.sweep(lidar, t, i, 100));
                    w.writeAnnotations3d(t, TestLogs.boxes(i));
                }
                for (String c : cameras) {
                    long tc = t + cameraOffsetNs;
                    w.writeCameraFrame(new CameraFrame(c, tc, ImageEncoding.JPEG, TestLogs.imageBytes(i), 64, 48));
                    w.writeAnnotations2d(c, tc, List.of(new GroundTruth2d(new Box2d(1, 2, 3, 4), "car", "car-1", 0f,
                            0)));
                }
            }
            w.commit();
        }
        return dir;
    }

    /** Flips one byte at {@code fraction} of the file's length (keeps its size, breaks a batch's checksum). */
    static void flipByte(Path file, double fraction) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long pos = (long) (f.length() * fraction);
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 0x5A);
        }
    }
}
