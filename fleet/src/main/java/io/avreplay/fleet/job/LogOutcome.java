package io.avreplay.fleet.job;

import io.avreplay.eval.nuscenes.NuScenesMetricData;
import io.avreplay.perception.run.RunData;
import java.io.Serializable;
import java.util.Objects;

/**
 * What one log's task produced: its mergeable data (a replayed log, {@link Scored}; a log's precomputed
 * detections, {@link Evaluated}), or the one-line error that failed it. Serializable, so executors send it
 * to the driver; immutable.
 */
public sealed interface LogOutcome extends Serializable {
    /** @return the log's 0-based position in the job's input list (the merge key) */
    int ordinal();

    /** @return the log's path as given to the job */
    String path();

    /**
     * A replayed and scored log ({@code fleet run}).
     *
     * @param ordinal position in the input list, &gt;= 0
     * @param path    the log's path as given
     * @param data    the log's mergeable run data (one log in its provenance)
     * @param output  the log's own {@code metrics.json}, relative to the job output directory
     */
    record Scored(int ordinal, String path, RunData data, String output) implements LogOutcome {
        /** Validates the fields. */
        public Scored {
            checkOrdinal(ordinal);
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(data, "data");
            if (data.provenance().logs().size() != 1) {
                throw new IllegalArgumentException("data must hold one log, got " + data.provenance().logs().size());
            }
            Objects.requireNonNull(output, "output");
        }

        /** @return the log's id (its manifest's) */
        public String logId() {
            return data.provenance().logs().get(0).logId();
        }
    }

    /**
     * A log whose precomputed detections were scored ({@code fleet eval}).
     *
     * @param ordinal     position in the input list, &gt;= 0
     * @param path        the log's path as given
     * @param logId       the log's id (its manifest's)
     * @param data        nuScenes match data of the predictions against the log's ground truth
     * @param predictions the predictions file scored
     */
    record Evaluated(int ordinal, String path, String logId, NuScenesMetricData data, String predictions)
            implements LogOutcome {
        /** Validates the fields. */
        public Evaluated {
            checkOrdinal(ordinal);
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(logId, "logId");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(predictions, "predictions");
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
            checkOrdinal(ordinal);
            Objects.requireNonNull(path, "path");
            if (error == null || error.isBlank() || error.contains("\n")) {
                throw new IllegalArgumentException("error must be one non-blank line, got '" + error + "'");
            }
        }
    }

    private static void checkOrdinal(int ordinal) {
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal);
        }
    }
}
