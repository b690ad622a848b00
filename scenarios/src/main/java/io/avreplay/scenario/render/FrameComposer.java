package io.avreplay.scenario.render;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.scenario.overlay.LogOverlays;
import io.avreplay.scenario.overlay.RunDetections;
import io.avreplay.scenario.synth.camera.ImageCodec;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pictures of one instant of an open log with a run's results over them: the camera frame nearest the
 * instant with its 2D marks, and the lidar sweep nearest it from above with its 3D marks. Ground truth
 * and detections are taken at the frame's own timestamp. Not thread-safe (it reads through the caller's
 * {@link LogReader}); Mats returned belong to the caller.
 */
final class FrameComposer {
    private final LogReader log;
    private final LogOverlays overlays;

    FrameComposer(LogReader log, RunDetections run, boolean withRun) {
        this.log = log;
        this.overlays = new LogOverlays(log, run, withRun);
    }

    /** @return the camera image nearest {@code timestampNs} with its marks and legend, or empty when none */
    Optional<Mat> camera(String cam, long timestampNs) {
        FrameStream<CameraFrame> frames = log.camera(cam);
        if (frames.size() == 0) {
            return Optional.empty();
        }
        CameraFrame f = frames.read(frames.nearestIndex(timestampNs));
        Mat img = ImageCodec.decode(f.data(), log.directory() + " camera " + cam);
        OverlayPainter.camera(img, overlays.marks2d(cam, f.timestampNs()), cam + floor());
        return Optional.of(img);
    }

    private String floor() {
        return overlays.withRun() && overlays.minScore() > 0
                ? String.format(java.util.Locale.ROOT, ", score >= %.2f", overlays.minScore()) : "";
    }

    /** @return the BEV of the first lidar's sweep nearest {@code timestampNs}, or empty when no lidar */
    Optional<Mat> bev(long timestampNs) {
        for (String lidar : log.lidarIds()) {
            FrameStream<LidarSweep> sweeps = log.lidar(lidar);
            if (sweeps.size() == 0) {
                continue;
            }
            LidarSweep sw = sweeps.read(sweeps.nearestIndex(timestampNs));
            Pose mount = log.calibration(lidar).map(SensorCalibration::sensorToEgo).orElse(Pose.IDENTITY);
            return Optional.of(OverlayPainter.bev(sw, mount, overlays.marks3d(sw.timestampNs()), "bird's-eye view" + floor()));
        }
        return Optional.empty();
    }

}
