package io.avreplay.perception.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The frames as logged, for models that do their own pre-processing ({@link ExecBackend}): lidar points
 * in the sensor frame with the sensor-to-ego pose, camera images still encoded with their intrinsics. It
 * has no tensor shape; its nominal shape is 1 × 1 × 1.
 */
public record RawFrames() implements InputSpec {
    @Override
    @JsonIgnore
    public int channels() {
        return 1;
    }

    @Override
    @JsonIgnore
    public int rows() {
        return 1;
    }

    @Override
    @JsonIgnore
    public int cols() {
        return 1;
    }
}
