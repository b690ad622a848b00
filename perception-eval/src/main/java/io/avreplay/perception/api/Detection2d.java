package io.avreplay.perception.api;

import java.util.Objects;

/**
 * One 2D object found in a camera image.
 *
 * @param cameraId sensor id of the camera
 * @param category class name from the model card, e.g. {@code car}, {@code pothole}
 * @param x1       left edge, pixels of the original image
 * @param y1       top edge, pixels
 * @param x2       right edge, pixels, {@code >= x1}
 * @param y2       bottom edge, pixels, {@code >= y1}
 * @param score    confidence in [0, 1]
 */
public record Detection2d(String cameraId, String category, double x1, double y1, double x2, double y2,
        double score) {
    /** @throws IllegalArgumentException when a field is missing, the box is inverted or the score is outside [0, 1] */
    public Detection2d {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(category, "category");
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new IllegalArgumentException("2D box must have x1 <= x2 and y1 <= y2, got (" + x1 + ", " + y1
                    + ", " + x2 + ", " + y2 + ")");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
    }

    /** @return width in pixels */
    public double width() {
        return x2 - x1;
    }

    /** @return height in pixels */
    public double height() {
        return y2 - y1;
    }
}
