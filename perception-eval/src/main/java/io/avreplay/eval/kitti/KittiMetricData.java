package io.avreplay.eval.kitti;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accumulated KITTI data: every frame's objects with their overlaps precomputed. The devkit's score
 * thresholds depend on all frames together, so this is the mergeable unit; {@link #merge} of disjoint
 * frame sets equals evaluating them at once. Immutable.
 */
public final class KittiMetricData {
    private final TreeMap<String, KittiFrame> frames;
    private final int framesWithoutGt;
    private final int framesWithoutPredictions;

    KittiMetricData(TreeMap<String, KittiFrame> frames, int framesWithoutGt, int framesWithoutPredictions) {
        this.frames = new TreeMap<>(frames);
        this.framesWithoutGt = framesWithoutGt;
        this.framesWithoutPredictions = framesWithoutPredictions;
    }

    /** @return the frame ids, sorted */
    public Set<String> frameIds() {
        return Collections.unmodifiableSet(frames.keySet());
    }

    /** @return frames that had a prediction file but no label file (their detections are false positives) */
    public int framesWithoutGt() {
        return framesWithoutGt;
    }

    /** @return frames that had a label file but no prediction file (treated as no detections) */
    public int framesWithoutPredictions() {
        return framesWithoutPredictions;
    }

    Collection<KittiFrame> frames() {
        return Collections.unmodifiableCollection(frames.values());
    }

    /** @return the detections of every frame, in frame order */
    List<KittiObject> allDetections() {
        return frames.values().stream().flatMap(f -> f.det.stream()).toList();
    }

    /**
     * Combines disjoint frame sets.
     *
     * @throws IllegalArgumentException when a frame id is in both
     */
    public static KittiMetricData merge(KittiMetricData a, KittiMetricData b) {
        Set<String> common = new HashSet<>(a.frames.keySet());
        common.retainAll(b.frames.keySet());
        if (!common.isEmpty()) {
            throw new IllegalArgumentException("cannot merge KITTI data: frame " + common.iterator().next()
                    + " is in both parts");
        }
        TreeMap<String, KittiFrame> all = new TreeMap<>(a.frames);
        all.putAll(b.frames);
        return new KittiMetricData(all, a.framesWithoutGt + b.framesWithoutGt,
                a.framesWithoutPredictions + b.framesWithoutPredictions);
    }
}
