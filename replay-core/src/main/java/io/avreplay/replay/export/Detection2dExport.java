package io.avreplay.replay.export;

import java.util.Objects;

/**
 * A 2D detection to export, pixels of one camera image.
 *
 * @param camera      camera id
 * @param timestampNs the image's timestamp, ns
 * @param category    class name
 * @param x1, y1, x2, y2 box corners, px, {@code x1 <= x2}, {@code y1 <= y2}
 * @param score       confidence 0..1
 */
public record Detection2dExport(String camera, long timestampNs, String category, double x1, double y1, double x2,
        double y2, double score) {
    public Detection2dExport {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(category, "category");
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new IllegalArgumentException("2D box must have x1 <= x2 and y1 <= y2, got (" + x1 + ", " + y1 + ", "
                    + x2 + ", " + y2 + ")");
        }
    }
}
