package io.avreplay.eval.coco;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A COCO instances file in memory.
 *
 * @param imageIds    every image id; images without annotations still count
 * @param categories  category id to name, in file order
 * @param annotations the annotations, in file order
 */
public record CocoGroundTruth(List<Long> imageIds, Map<Long, String> categories, List<CocoAnnotation> annotations) {
    /** Copies every collection. */
    public CocoGroundTruth {
        imageIds = List.copyOf(imageIds);
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        annotations = List.copyOf(annotations);
    }
}
