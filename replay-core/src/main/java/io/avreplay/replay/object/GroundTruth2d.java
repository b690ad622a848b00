package io.avreplay.replay.object;

import java.util.Objects;

/**
 * One 2D ground-truth box in a camera image (the camera is given by the annotation frame holding it).
 *
 * @param box        the box, pixels
 * @param category   class name in the source taxonomy; {@code dontcare} marks regions to ignore
 * @param trackId    the object's track id (matches its 3D annotation); "" for {@code DontCare} regions
 * @param truncation fraction of the object outside the image, 0..1 ({@code NaN} when unknown)
 * @param occlusion  KITTI-style level: 0 fully visible, 1 partly, 2 largely occluded, 3 unknown
 */
public record GroundTruth2d(Box2d box, String category, String trackId, float truncation, int occlusion) {
    public GroundTruth2d {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(trackId, "trackId");
        if (occlusion < 0 || occlusion > 3) {
            throw new IllegalArgumentException("occlusion must be 0..3, got " + occlusion);
        }
    }
}
