package io.avreplay.eval.coco;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accumulated COCO per-image match data (pycocotools' {@code evalImgs}): for each image and category,
 * the sorted detection scores and match flags at every IoU threshold and area range. Immutable. Data from
 * disjoint image sets combine with {@link #merge} into exactly the data of evaluating all images at once.
 */
public final class CocoMetricData implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<Long, String> categories;
    private final List<Long> categoryIds;
    private final Set<Long> imageIds;
    private final TreeMap<Long, CocoImageEval[]> images;
    private final int detections;

    CocoMetricData(Map<Long, String> categories, Set<Long> imageIds, TreeMap<Long, CocoImageEval[]> images,
            int detections) {
        this.categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        this.categoryIds = List.copyOf(new TreeSet<>(categories.keySet()));
        this.imageIds = Collections.unmodifiableSet(new TreeSet<>(imageIds));
        this.images = new TreeMap<>(images);
        this.detections = detections;
    }

    /** @return category id to name */
    public Map<Long, String> categories() {
        return categories;
    }

    /** @return category ids in ascending order, the order pycocotools reports them in */
    public List<Long> categoryIds() {
        return categoryIds;
    }

    /** @return every image id of the ground truth */
    public Set<Long> imageIds() {
        return imageIds;
    }

    /** @return detections read (including those of categories outside the ground truth, which are not scored) */
    public int detections() {
        return detections;
    }

    /** Per image (ascending id), per category index: the match data, or null where the image has neither. */
    Map<Long, CocoImageEval[]> images() {
        return Collections.unmodifiableMap(images);
    }

    /**
     * Combines data over disjoint image sets with the same categories.
     *
     * @throws IllegalArgumentException when categories differ or an image is in both
     */
    public static CocoMetricData merge(CocoMetricData a, CocoMetricData b) {
        if (!a.categories.equals(b.categories)) {
            throw new IllegalArgumentException("cannot merge COCO data with different categories");
        }
        Set<Long> common = new HashSet<>(a.imageIds);
        common.retainAll(b.imageIds);
        if (!common.isEmpty()) {
            throw new IllegalArgumentException("cannot merge COCO data: image " + common.iterator().next()
                    + " is in both parts");
        }
        Set<Long> ids = new TreeSet<>(a.imageIds);
        ids.addAll(b.imageIds);
        TreeMap<Long, CocoImageEval[]> imgs = new TreeMap<>(a.images);
        imgs.putAll(b.images);
        return new CocoMetricData(a.categories, ids, imgs, a.detections + b.detections);
    }
}
