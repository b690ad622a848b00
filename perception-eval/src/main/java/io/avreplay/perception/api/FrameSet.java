package io.avreplay.perception.api;

import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A synced set of sensor frames handed to a {@link Detector}: the lidar sweeps and camera frames that
 * belong to one reference timestamp, with the calibration of every sensor present.
 *
 * @param timestampNs  reference timestamp of the set, ns (the lidar sweep's when there is one)
 * @param sweeps       lidar sweeps, in the sensor frame
 * @param cameras      camera frames
 * @param calibrations calibration by sensor id; must hold every sensor of {@code sweeps} and {@code cameras}
 * @param egoPose      the ego pose at {@code timestampNs} (from the replay's frame set); empty when the log has
 *                     no poses or the caller has none
 */
public record FrameSet(long timestampNs, List<LidarSweep> sweeps, List<CameraFrame> cameras,
        Map<String, SensorCalibration> calibrations, Optional<EgoPose> egoPose) {
    /** @throws IllegalArgumentException when a frame has no calibration */
    public FrameSet {
        Objects.requireNonNull(egoPose, "egoPose");
        sweeps = List.copyOf(sweeps);
        cameras = List.copyOf(cameras);
        calibrations = Map.copyOf(calibrations);
        for (LidarSweep s : sweeps) {
            requireCalibration(calibrations, s.sensorId());
        }
        for (CameraFrame c : cameras) {
            requireCalibration(calibrations, c.sensorId());
        }
    }

    private static void requireCalibration(Map<String, SensorCalibration> calibrations, String id) {
        if (!calibrations.containsKey(id)) {
            throw new IllegalArgumentException("frame set has no calibration for sensor '" + id + "', has "
                    + calibrations.keySet());
        }
    }

    /** @return a set holding one lidar sweep and its calibration */
    public static FrameSet of(LidarSweep sweep, SensorCalibration calibration) {
        Objects.requireNonNull(sweep, "sweep");
        return new FrameSet(sweep.timestampNs(), List.of(sweep), List.of(),
                Map.of(calibration.sensorId(), calibration), Optional.empty());
    }

    /** @return a set holding one camera frame and its calibration */
    public static FrameSet of(CameraFrame frame, SensorCalibration calibration) {
        Objects.requireNonNull(frame, "frame");
        return new FrameSet(frame.timestampNs(), List.of(), List.of(frame),
                Map.of(calibration.sensorId(), calibration), Optional.empty());
    }

    /** @return this set with the ego pose at its timestamp (empty when unknown) */
    public FrameSet withEgoPose(Optional<EgoPose> pose) {
        return new FrameSet(timestampNs, sweeps, cameras, calibrations, pose);
    }

    /** @return the calibration of {@code sensorId} */
    public Optional<SensorCalibration> calibration(String sensorId) {
        return Optional.ofNullable(calibrations.get(sensorId));
    }
}
