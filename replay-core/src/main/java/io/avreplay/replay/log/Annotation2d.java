package io.avreplay.replay.log;

import io.avreplay.replay.object.Box2d;
import java.util.Objects;

/**
 * One 2D ground-truth box in a camera image, pixels, 0-based, {@code x1 < x2}, {@code y1 < y2}.
 *
 * @param trackId    the object's track id (matches its 3D annotation); {@code DontCare} regions use ""
 * @param category   class name; {@code dontcare} marks regions to ignore
 * @param x1, y1, x2, y2 box corners, px
 * @param truncation fraction of the object outside the image, 0..1
 * @param occlusion  KITTI-style level: 0 fully visible, 1 partly, 2 largely occluded, 3 unknown
 */
public record Annotation2d(String trackId, String category, double x1, double y1, double x2, double y2,
        float truncation, int occlusion) {
    public Annotation2d {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(category, "category");
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new IllegalArgumentException("2D box must have x1 <= x2 and y1 <= y2, got (" + x1 + ", " + y1
                    + ", " + x2 + ", " + y2 + ")");
        }
        if (occlusion < 0 || occlusion > 3) {
            throw new IllegalArgumentException("occlusion must be 0..3, got " + occlusion);
        }
    }

    /** @return the box, pixels */
    public Box2d box() {
        return new Box2d(x1, y1, x2, y2);
    }
}
