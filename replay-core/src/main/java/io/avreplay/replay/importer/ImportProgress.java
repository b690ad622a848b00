package io.avreplay.replay.importer;

/**
 * Receives progress of a long import. Called on the importing thread; an implementation that throws
 * aborts the import, which then leaves no log behind.
 */
@FunctionalInterface
public interface ImportProgress {
    /** Ignores all progress. */
    ImportProgress NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being imported, e.g. {@code kitti-000001-000002}
     * @param done  units finished so far (frames)
     * @param total units in this stage
     */
    void step(String stage, int done, int total);
}
