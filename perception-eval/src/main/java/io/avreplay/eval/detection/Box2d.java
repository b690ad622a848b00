package io.avreplay.eval.detection;

/**
 * An axis-aligned image box in pixels, COCO style.
 *
 * @param x      left edge, pixels
 * @param y      top edge, pixels
 * @param width  pixels, {@code >= 0}
 * @param height pixels, {@code >= 0}
 */
public record Box2d(double x, double y, double width, double height) {
    /** @throws IllegalArgumentException when a value is not finite or a size is negative */
    public Box2d {
        check(x, y, width, height);
    }

    /**
     * Checks box values without making a box (for readers that keep boxes as columns).
     *
     * @throws IllegalArgumentException when a value is not finite or a size is negative
     */
    public static void check(double x, double y, double width, double height) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("bbox must be finite, got [" + x + ", " + y + ", " + width + ", "
                    + height + "]");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("bbox width and height must be >= 0, got " + width + " x " + height);
        }
    }

    /** @return width times height, square pixels */
    public double area() {
        return width * height;
    }
}
