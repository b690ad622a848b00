package io.avreplay.replay.progress;

/**
 * Receives progress of long work: {@code done} of {@code total} units of a named stage. Called on the
 * working thread, in order, with {@code done} non-decreasing within a stage; a new stage name starts a
 * new count. An implementation must be cheap and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores all progress. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being worked on (a log id, "lidar", "epoch 2/5"...)
     * @param done  units done so far in this stage, &gt;= 0
     * @param total units in this stage, &gt;= done (0 when unknown)
     */
    void step(String stage, long done, long total);
}
