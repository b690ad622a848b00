package io.avreplay.replay.object;

/**
 * An axis-aligned box in a camera image, pixels, 0-based, stored as its corners ({@code x1 <= x2},
 * {@code y1 <= y2}). The one 2D box of the project; formats that store {@code [x, y, w, h]} (COCO) convert
 * with {@link #ofXywh} and {@link #width()}/{@link #height()}.
 *
 * @param x1 left edge, px
 * @param y1 top edge, px
 * @param x2 right edge, px, &gt;= x1
 * @param y2 bottom edge, px, &gt;= y1
 */
public record Box2d(double x1, double y1, double x2, double y2) {
    public Box2d {
        if (!Double.isFinite(x1) || !Double.isFinite(y1) || !Double.isFinite(x2) || !Double.isFinite(y2)) {
            throw new IllegalArgumentException("2D box corners must be finite, got (" + x1 + ", " + y1 + ", " + x2
                    + ", " + y2 + ")");
        }
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new IllegalArgumentException("2D box must have x1 <= x2 and y1 <= y2, got (" + x1 + ", " + y1
                    + ", " + x2 + ", " + y2 + ")");
        }
    }

    /**
     * @return the box whose top-left corner is (x, y) and size w by h, px
     * @throws IllegalArgumentException as {@link #checkXywh} does
     */
    public static Box2d ofXywh(double x, double y, double w, double h) {
        checkXywh(x, y, w, h);
        return new Box2d(x, y, x + w, y + h);
    }

    /**
     * Validates a box given as {@code [x, y, w, h]} without building it (for readers that keep columns).
     *
     * @throws IllegalArgumentException when a value is not finite or a size is negative
     */
    public static void checkXywh(double x, double y, double w, double h) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(w) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("bbox must be finite, got [" + x + ", " + y + ", " + w + ", " + h
                    + "]");
        }
        if (w < 0 || h < 0) {
            throw new IllegalArgumentException("bbox width and height must be >= 0, got " + w + " x " + h);
        }
    }

    /** @return {@code x2 - x1}, px */
    public double width() {
        return x2 - x1;
    }

    /** @return {@code y2 - y1}, px */
    public double height() {
        return y2 - y1;
    }

    /** @return width times height, px² */
    public double area() {
        return width() * height();
    }

    /** @return intersection over union with {@code other}, 0 when they do not overlap or both are empty */
    public double iou(Box2d other) {
        return iou(x1, y1, x2, y2, other.x1, other.y1, other.x2, other.y2);
    }

    /**
     * Intersection over union of two boxes given as corner arrays {@code {x1, y1, x2, y2}} (for matchers that
     * keep boxes as columns).
     *
     * @return the IoU, 0 when they do not overlap or both are empty
     */
    public static double iou(double[] a, double[] b) {
        return iou(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]);
    }

    private static double iou(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2) {
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        return union > 0 ? inter / union : 0;
    }
}
