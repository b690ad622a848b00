package io.avreplay.replay.log;

import java.util.Objects;

/**
 * One encoded camera image. The byte array is owned by this record; callers must not mutate it.
 *
 * @param sensorId    camera id
 * @param timestampNs exposure time, ns
 * @param encoding    JPEG or PNG
 * @param data        the encoded image
 * @param width       decoded width, px
 * @param height      decoded height, px
 */
public record CameraFrame(String sensorId, long timestampNs, ImageEncoding encoding, byte[] data, int width,
        int height) implements SensorFrame {
    public CameraFrame {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be > 0, got " + width + "x" + height);
        }
    }

    @Override
    public StreamKind kind() {
        return StreamKind.CAMERA;
    }
}
