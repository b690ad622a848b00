package io.avreplay.replay.export;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The one COCO numbering of the project, used by {@code export coco} (ground truth) and by {@code run}
 * ({@code coco_gt.json}, {@code coco_results.json}), so that results of a run score against an exported
 * ground truth of the same log. Thread-safe (stateless).
 * <ul>
 *   <li>Image id: {@code logOrdinal × 2^32 + frameIndex + 1}, where {@code frameIndex} is the frame's index
 *       in its camera stream and {@code logOrdinal} the log's position in a multi-log run (0 for the first
 *       or only log, and always 0 for an export). Ids stay below 2^53, so JSON keeps them exact.</li>
 *   <li>Category id: the position + 1 in {@link #CATEGORIES}; any other name gets no fixed id
 *       ({@link #categoryId} is empty) and an exporter numbers those from {@link #FIRST_EXTRA_CATEGORY_ID}
 *       in name order, valid within that file only.</li>
 *   <li>{@code file_name}: {@code <logId>/<camera>/<timestamp_ns>.<jpg|png>}.</li>
 * </ul>
 */
public final class CocoNumbering {
    /** The detection classes with fixed category ids 1..11, in this order. */
    public static final List<String> CATEGORIES = List.of("car", "truck", "bus", "trailer", "construction_vehicle",
            "pedestrian", "motorcycle", "bicycle", "traffic_cone", "barrier", "pothole");
    /** First id given to a category outside {@link #CATEGORIES}. */
    public static final long FIRST_EXTRA_CATEGORY_ID = 1000;
    /** Image ids of consecutive logs of one run are this far apart (frames per camera stream at most). */
    public static final long LOG_STRIDE = 1L << 32;
    private static final int MAX_LOGS = 1 << 20;

    private CocoNumbering() {
    }

    /**
     * @param logOrdinal position of the log in a run, 0-based (0 for an export)
     * @param frameIndex index of the frame in its camera stream, 0-based
     * @return the COCO image id
     * @throws IllegalArgumentException naming the value when either is out of range
     */
    public static long imageId(int logOrdinal, int frameIndex) {
        if (logOrdinal < 0 || logOrdinal >= MAX_LOGS) {
            throw new IllegalArgumentException("logOrdinal must be in [0, " + MAX_LOGS + "), got " + logOrdinal);
        }
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frameIndex must be >= 0, got " + frameIndex);
        }
        return logOrdinal * LOG_STRIDE + frameIndex + 1L;
    }

    /** @return the fixed category id of {@code name}, or empty when it is not one of {@link #CATEGORIES} */
    public static OptionalLong categoryId(String name) {
        int k = CATEGORIES.indexOf(name);
        return k < 0 ? OptionalLong.empty() : OptionalLong.of(k + 1L);
    }

    /**
     * @param categories a run's category list (e.g. a model's classes)
     * @param k          index into {@code categories}
     * @return the id of {@code categories.get(k)}: its fixed id, or {@link #FIRST_EXTRA_CATEGORY_ID} + k for a
     *         name outside {@link #CATEGORIES}
     */
    public static long categoryId(List<String> categories, int k) {
        return categoryId(categories.get(k)).orElse(FIRST_EXTRA_CATEGORY_ID + k);
    }

    /** @return the image's {@code file_name}: {@code <logId>/<camera>/<timestamp_ns>.<jpg|png>} */
    public static String fileName(String logId, String camera, long timestampNs, String encodingId) {
        return logId + "/" + camera + "/" + timestampNs + "." + (encodingId.toLowerCase(Locale.ROOT).equals("png") ? "png" : "jpg");
    }
}
