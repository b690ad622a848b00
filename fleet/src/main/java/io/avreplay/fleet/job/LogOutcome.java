package io.avreplay.fleet.job;

import io.avreplay.eval.coco.CocoMetricData;
import io.avreplay.eval.nuscenes.NuScenesMetricData;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one log's task produced: its metric data, or the one-line error that failed it. Serializable, so
 * executors send it to the driver; immutable.
 */
public sealed interface LogOutcome extends Serializable {
    /** @return the log's 0-based position in the job's input list (the merge key) */
    int ordinal();

    /** @return the log's path as given to the job */
    String path();

    /**
     * A scored log.
     *
     * @param ordinal      position in the input list, &gt;= 0
     * @param path         the log's path as given
     * @param logId        the log's id (its manifest)
     * @param lidarData    nuScenes match data of the lidar model
     * @param cameraData   COCO match data of the camera model: one element, or none when no camera ran
     *                     (a list because {@link Optional} is not serializable)
     * @param counts       sweeps, camera frames, and the lidar and camera inference time in nanoseconds and
     *                     the log's duration in nanoseconds, by name (see {@link #COUNT_NAMES})
     * @param models       model name by role ({@code lidar}, {@code camera})
     * @param output       the log's own file: its {@code metrics.json} (run), its predictions (eval)
     */
    record Scored(int ordinal, String path, String logId, NuScenesMetricData lidarData, List<CocoMetricData> cameraData,
            Map<String, Long> counts, Map<String, String> models, String output) implements LogOutcome {
        /** The keys of {@code counts}. */
        public static final List<String> COUNT_NAMES = List.of("sweeps", "camera_frames", "lidar_ns", "camera_ns",
                "log_ns");

        /** Validates the fields. */
        public Scored {
            if (ordinal < 0) {
                throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal);
            }
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(logId, "logId");
            Objects.requireNonNull(lidarData, "lidarData");
            cameraData = List.copyOf(cameraData);
            if (cameraData.size() > 1) {
                throw new IllegalArgumentException("cameraData must hold at most one element, got " + cameraData.size());
            }
            if (!counts.keySet().containsAll(COUNT_NAMES)) {
                throw new IllegalArgumentException("counts must name " + COUNT_NAMES + ", got " + counts.keySet());
            }
            counts = Map.copyOf(counts);
            models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
            Objects.requireNonNull(output, "output");
        }

        /** @return the camera data, when a camera ran */
        public Optional<CocoMetricData> camera() {
            return cameraData.stream().findFirst();
        }
    }

    /**
     * A log whose task failed on bad input.
     *
     * @param ordinal position in the input list, &gt;= 0
     * @param path    the log's path as given
     * @param error   the one-line message the single-machine command prints for it
     */
    record Failed(int ordinal, String path, String error) implements LogOutcome {
        /** Validates the fields. */
        public Failed {
            if (ordinal < 0) {
                throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal);
            }
            Objects.requireNonNull(path, "path");
            if (error == null || error.isBlank() || error.contains("\n")) {
                throw new IllegalArgumentException("error must be one non-blank line, got '" + error + "'");
            }
        }
    }
}
