package io.avreplay.replay.log;

import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;
import java.util.Objects;

/**
 * All ground truth of one annotated timestamp.
 *
 * @param sensorId    {@code annotations} for 3D; the camera id for 2D
 * @param timestampNs ns
 * @param boxes       the objects (possibly empty)
 * @param <T>         {@link GroundTruth3d} or {@link GroundTruth2d}
 */
public record AnnotationFrame<T>(String sensorId, long timestampNs, List<T> boxes) {
    public AnnotationFrame {
        Objects.requireNonNull(sensorId, "sensorId");
        boxes = List.copyOf(boxes);
    }
}
