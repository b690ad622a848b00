package io.avreplay.replay.export;

import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.BoxFrame;
import java.util.Objects;

/**
 * One box of a nuScenes submission-shaped file as {@link NuScenesSubmissionReader} read and validated it,
 * in the frame of the file (world for submissions and ground truth, ego for a results directory).
 * The file's {@code size = [w, l, h]} order is resolved here into named fields.
 *
 * @param sampleToken the sample key (a nuScenes sample token, or a timestamp in a results directory)
 * @param index       the box's position among the file's boxes (0-based)
 * @param translation box centre, metres
 * @param width       metres, &gt; 0
 * @param length      metres, &gt; 0
 * @param height      metres, &gt; 0
 * @param rotation    the file's rotation, or the one made from its {@code yaw}
 * @param yawRadians  heading about +z, radians
 * @param vx          velocity x, m/s; NaN when unknown
 * @param vy          velocity y, m/s; NaN when unknown
 * @param name        {@code detection_name}; empty for a bike rack
 * @param score       {@code detection_score}; NaN when absent (ground truth)
 * @param attribute   {@code attribute_name}; empty when none
 * @param numPoints   {@code num_pts}; −1 when absent
 */
public record NuScenesBox(String sampleToken, int index, Vec3 translation, double width, double length,
        double height, Quaternion rotation, double yawRadians, double vx, double vy, String name, double score,
        String attribute, int numPoints) {
    /** @throws IllegalArgumentException when a size is not positive */
    public NuScenesBox {
        Objects.requireNonNull(sampleToken, "sampleToken");
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attribute, "attribute");
        if (!(width > 0) || !(length > 0) || !(height > 0)) {
            throw new IllegalArgumentException("size must be > 0, got [" + width + ", " + length + ", " + height + "]");
        }
    }

    /** @return the box as the shared 3D box value, labelled with {@code frame} (the file's frame) */
    public Box3d box(BoxFrame frame) {
        return new Box3d(frame, translation, length, width, height, yawRadians);
    }
}
