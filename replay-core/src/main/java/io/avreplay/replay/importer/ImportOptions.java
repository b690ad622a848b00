package io.avreplay.replay.importer;

import io.avreplay.replay.arrow.WriteOptions;
import java.util.Objects;

/**
 * How an import runs.
 *
 * @param write    options of the log writer (compression, overwrite)
 * @param progress progress callback ({@link ImportProgress#NONE} for none)
 */
public record ImportOptions(WriteOptions write, ImportProgress progress) {
    public ImportOptions {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(progress, "progress");
    }

    /** Default writer options, no progress. */
    public static ImportOptions defaults() {
        return new ImportOptions(WriteOptions.defaults(), ImportProgress.NONE);
    }

    public ImportOptions withProgress(ImportProgress p) {
        return new ImportOptions(write, p);
    }

    public ImportOptions withWrite(WriteOptions w) {
        return new ImportOptions(w, progress);
    }
}
