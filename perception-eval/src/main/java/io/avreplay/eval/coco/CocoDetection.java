package io.avreplay.eval.coco;

import io.avreplay.replay.export.CocoNumbering;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Detection2d;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * @param categories the COCO categories, numbered by {@link CocoNumbering#categoryId(List, int)}
     * @return the COCO result of a shared 2D detection, or empty when its category is not one of them
     */
    public static Optional<CocoDetection> of(long imageId, Detection2d d, List<String> categories) {
        int k = categories.indexOf(d.category());
        return k < 0 ? Optional.empty() : Optional.of(new CocoDetection(imageId, CocoNumbering.categoryId(categories, k), d.box(), d.score()));
    }
}
