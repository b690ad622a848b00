package io.avreplay.eval.coco;

import io.avreplay.replay.export.CocoNumbering;
import io.avreplay.replay.object.Box2d;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * A scored (not crowd) annotation of a ground-truth box, its area the box's.
     *
     * @param categories the COCO categories, numbered by {@link CocoNumbering#categoryId(List, int)}
     * @return the annotation, or empty when {@code category} is not one of them (e.g. {@code dontcare})
     */
    public static Optional<CocoAnnotation> of(long id, long imageId, Box2d box, String category,
            List<String> categories) {
        int k = categories.indexOf(category);
        return k < 0 ? Optional.empty() : Optional.of(new CocoAnnotation(id, imageId,
                CocoNumbering.categoryId(categories, k), box, box.area(), false));
    }
}
