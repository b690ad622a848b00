package io.avreplay.eval.coco;

import io.avreplay.eval.detection.Box2d;
import java.util.Objects;

/**
 * A COCO ground-truth annotation.
 *
 * @param id         annotation id; 0 is legal but, as in pycocotools, a detection matched to it counts as unmatched
 * @param imageId    the image
 * @param categoryId the category
 * @param bbox       the box, pixels
 * @param area       the annotation's {@code area} field, square pixels (used for area ranges), {@code >= 0}
 * @param crowd      {@code iscrowd}: a crowd region, which detections may match without counting
 */
public record CocoAnnotation(long id, long imageId, long categoryId, Box2d bbox, double area, boolean crowd) {
    /** @throws IllegalArgumentException when the area is negative or not finite */
    public CocoAnnotation {
        Objects.requireNonNull(bbox, "bbox");
        if (!Double.isFinite(area) || area < 0) {
            throw new IllegalArgumentException("area must be finite and >= 0, got " + area);
        }
    }
}
