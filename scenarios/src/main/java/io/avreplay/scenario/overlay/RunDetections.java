package io.avreplay.scenario.overlay;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * The detections of a run ({@code avreplay run --out DIR}), indexed by log, timestamp and camera: read from
 * the run's {@code detections_3d.arrow} (ego-frame boxes) and, when a camera ran, {@code detections_2d.arrow}
 * (pixels). Immutable after construction; thread-safe.
 */
public final class RunDetections {
    /** The display floor of {@code avreplay render}, {@code export video} and {@code view} by default. */
    public static final double DEFAULT_MIN_SCORE = 0.3;

    private final Map<String, List<Detection3d>> by3d;
    private final Map<String, List<Detection2d>> by2d;
    private final double minScore;

    private RunDetections(Map<String, List<Detection3d>> by3d, Map<String, List<Detection2d>> by2d, double minScore) {
        this.by3d = by3d;
        this.by2d = by2d;
        this.minScore = minScore;
    }

    /** Collects detections held in memory (tests, or callers that already have them). Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Detection3d>> by3d = new HashMap<>();
        private final Map<String, List<Detection2d>> by2d = new HashMap<>();

        private Builder() {
        }

        /** Adds a 3D detection (ego frame) of a log's sweep at {@code timestampNs}. */
        public Builder add(String logId, long timestampNs, Detection3d d) {
            by3d.computeIfAbsent(key(logId, "", timestampNs), k -> new ArrayList<>()).add(d);
            return this;
        }

        /** Adds a 2D detection of a log's image at {@code timestampNs} (camera from the detection). */
        public Builder add(String logId, long timestampNs, Detection2d d) {
            by2d.computeIfAbsent(key(logId, d.cameraId(), timestampNs), k -> new ArrayList<>()).add(d);
            return this;
        }

        /** @return the detections added, every score kept */
        public RunDetections build() {
            return new RunDetections(freeze(by3d), freeze(by2d), 0);
        }
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    private static <T> Map<String, List<T>> freeze(Map<String, List<T>> m) {
        Map<String, List<T>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    /**
     * The detections a picture shows at one operating point: those scoring at least {@code minScore}
     * (matching then runs on these alone, as an evaluator would at that threshold).
     *
     * @param minScore in [0, 1]
     * @throws IllegalArgumentException when outside [0, 1]
     */
    public RunDetections withMinScore(double minScore) {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
        }
        Map<String, List<Detection3d>> d3 = new HashMap<>();
        by3d.forEach((k, v) -> d3.put(k, v.stream().filter(d -> d.score() >= minScore).toList()));
        Map<String, List<Detection2d>> d2 = new HashMap<>();
        by2d.forEach((k, v) -> d2.put(k, v.stream().filter(d -> d.score() >= minScore).toList()));
        return new RunDetections(Map.copyOf(d3), Map.copyOf(d2), minScore);
    }

    /** @return the score floor applied ({@code 0} when every detection is kept) */
    public double minScore() {
        return minScore;
    }

    /** @return no detections at all (a log viewed without a run) */
    public static RunDetections none() {
        return builder().build();
    }

    /**
     * Reads a run's output directory.
     *
     * @param runDir    the directory {@code avreplay run --out} wrote
     * @param allocator parent allocator; a child is opened and closed here
     * @throws BadInputException when {@code detections_3d.arrow} is missing or a table has the wrong columns
     */
    public static RunDetections read(Path runDir, BufferAllocator allocator) {
        Path f3 = runDir.resolve("detections_3d.arrow");
        if (!Files.isRegularFile(f3)) {
            throw new BadInputException(runDir + ": not a run output directory (no detections_3d.arrow; expected the "
                    + "directory given to avreplay run --out)");
        }
        Builder b = builder();
        try (BufferAllocator a = allocator.newChildAllocator("run-detections", 0, Long.MAX_VALUE)) {
            readTable(f3, a, (root, i) -> b.add(str(root, f3, "log_id", i), lng(root, f3, "timestamp_ns", i),
                    Detection3d.of(Box3d.ego(new Vec3(dbl(root, f3, "x", i), dbl(root, f3, "y", i), dbl(root, f3, "z", i)),
                                    dbl(root, f3, "length", i), dbl(root, f3, "width", i), dbl(root, f3, "height", i),
                                    dbl(root, f3, "yaw", i)),
                            str(root, f3, "category", i), dbl(root, f3, "score", i), dbl(root, f3, "vx", i),
                            dbl(root, f3, "vy", i))));
            Path f2 = runDir.resolve("detections_2d.arrow");
            if (Files.isRegularFile(f2)) {
                readTable(f2, a, (root, i) -> b.add(str(root, f2, "log_id", i), lng(root, f2, "timestamp_ns", i),
                        Detection2d.of(str(root, f2, "camera", i), new Box2d(dbl(root, f2, "x1", i),
                                dbl(root, f2, "y1", i), dbl(root, f2, "x2", i), dbl(root, f2, "y2", i)),
                                str(root, f2, "category", i), dbl(root, f2, "score", i))));
            }
        }
        return b.build();
    }

    /** @return the 3D detections of a log's sweep at exactly {@code timestampNs}, possibly none */
    public List<Detection3d> at(String logId, long timestampNs) {
        return List.copyOf(by3d.getOrDefault(key(logId, "", timestampNs), List.of()));
    }

    /** @return the 2D detections of a log's camera image at exactly {@code timestampNs}, possibly none */
    public List<Detection2d> at(String logId, String camera, long timestampNs) {
        return List.copyOf(by2d.getOrDefault(key(logId, camera, timestampNs), List.of()));
    }

    /** @return whether there are no detections at all */
    public boolean isEmpty() {
        return by3d.isEmpty() && by2d.isEmpty();
    }

    private static String key(String logId, String camera, long ts) {
        return logId + '\u0000' + camera + '\u0000' + ts;
    }

    private interface Row {
        void accept(VectorSchemaRoot root, int index);
    }

    private static void readTable(Path file, BufferAllocator allocator, Row row) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                for (int i = 0; i < root.getRowCount(); i++) {
                    try {
                        row.accept(root, i);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException(file + ": row " + i + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the detections table: " + e.getMessage(), e);
        }
    }

    private static <V> V column(VectorSchemaRoot root, Path file, String name, Class<V> type) {
        Object v = root.getVector(name);
        if (!type.isInstance(v)) {
            throw new BadInputException(file + ": column '" + name + "' expected " + type.getSimpleName() + ", found "
                    + (v == null ? "none" : v.getClass().getSimpleName()));
        }
        return type.cast(v);
    }

    private static String str(VectorSchemaRoot root, Path file, String name, int i) {
        return new String(column(root, file, name, VarCharVector.class).get(i), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long lng(VectorSchemaRoot root, Path file, String name, int i) {
        return column(root, file, name, BigIntVector.class).get(i);
    }

    private static double dbl(VectorSchemaRoot root, Path file, String name, int i) {
        return column(root, file, name, Float8Vector.class).get(i);
    }
}
