package io.avreplay.eval.detection;

/**
 * An upright 3D box in the world (global) frame.
 *
 * @param x      centre x in metres
 * @param y      centre y in metres
 * @param z      centre z in metres
 * @param width  size across the heading in metres, {@code > 0}
 * @param length size along the heading in metres, {@code > 0}
 * @param height vertical size in metres, {@code > 0}
 * @param yaw    heading in radians, counter-clockwise about +z from +x
 */
public record Box3d(double x, double y, double z, double width, double length, double height, double yaw) {
    /** @throws IllegalArgumentException when a coordinate is not finite or a size is not positive */
    public Box3d {
        requireFinite("x", x);
        requireFinite("y", y);
        requireFinite("z", z);
        requireFinite("yaw", yaw);
        requirePositive("width", width);
        requirePositive("length", length);
        requirePositive("height", height);
    }

    private static void requireFinite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be finite, got " + v);
        }
    }

    private static void requirePositive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("size " + field + " must be > 0, got " + v);
        }
    }
}
