package io.avreplay.replay.log;

import io.avreplay.replay.geometry.Pose;
import java.util.Objects;
import java.util.Optional;

/**
 * Calibration of one sensor.
 *
 * @param sensorId    the sensor id used in stream names
 * @param kind        lidar or camera
 * @param sensorToEgo extrinsic: maps points in the sensor frame into the ego frame
 * @param intrinsics  pinhole intrinsics; present exactly for cameras
 */
public record SensorCalibration(String sensorId, SensorKind kind, Pose sensorToEgo,
        Optional<CameraIntrinsics> intrinsics) {
    public SensorCalibration {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sensorToEgo, "sensorToEgo");
        Objects.requireNonNull(intrinsics, "intrinsics");
        if (!sensorId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("sensorId must match [A-Za-z0-9._-]+, got '" + sensorId + "'");
        }
        if ((kind == SensorKind.CAMERA) != intrinsics.isPresent()) {
            throw new IllegalArgumentException("intrinsics must be present exactly for cameras; sensor '"
                    + sensorId + "' is a " + kind.id());
        }
    }

    public static SensorCalibration lidar(String id, Pose sensorToEgo) {
        return new SensorCalibration(id, SensorKind.LIDAR, sensorToEgo, Optional.empty());
    }

    public static SensorCalibration camera(String id, Pose sensorToEgo, CameraIntrinsics k) {
        return new SensorCalibration(id, SensorKind.CAMERA, sensorToEgo, Optional.of(k));
    }
}
