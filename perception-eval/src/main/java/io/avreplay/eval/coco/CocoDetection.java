package io.avreplay.eval.coco;

import io.avreplay.eval.detection.Box2d;
import java.util.Objects;

/**
 * A COCO bbox result. Its area for the area ranges is the box's width times height.
 *
 * @param imageId    the image
 * @param categoryId the category
 * @param bbox       the box, pixels
 * @param score      the confidence, finite
 */
public record CocoDetection(long imageId, long categoryId, Box2d bbox, double score) {
    /** @throws IllegalArgumentException when the score is not finite */
    public CocoDetection {
        Objects.requireNonNull(bbox, "bbox");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
    }
}
