package io.avreplay.replay.importer;

import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.files.OutputPublisher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The logs one import writes. A single log goes to {@code out} itself (published by its
 * {@link LogWriter}); several go to {@code out/<logId>} inside one import directory that is written under a
 * hidden temporary name and published by {@link #complete()} only after the last log, with its marker
 * ({@link #OUTPUT}) written last. An interrupted or failed multi-log import therefore never leaves a
 * directory at {@code out} that looks complete; {@link #discard()} removes what was written. Not thread-safe.
 */
public final class OutputSet {
    /** The output kind of a multi-log import directory. */
    public static final OutputKind OUTPUT = OutputKind.directory("import");

    private final Path out;
    private final boolean overwrite;
    private final OutputPublisher publisher;
    private final Path writeRoot;
    private final List<String> written = new ArrayList<>();
    private boolean completed;

    /**
     * @param out       the {@code --out} path
     * @param logCount  how many logs the import will write
     * @param overwrite whether an existing output of the same kind may be replaced
     * @throws io.avreplay.error.InvalidConfigException (exit 2) when {@code out} exists and may not be replaced
     */
    public OutputSet(Path out, int logCount, boolean overwrite) {
        this.out = out.toAbsolutePath().normalize();
        this.overwrite = overwrite;
        if (logCount > 1) {
            publisher = OutputPublisher.to(this.out, OUTPUT, overwrite);
            writeRoot = publisher.begin();
        } else {
            OutputPublisher.check(this.out, LogWriter.OUTPUT, overwrite);
            publisher = null;
            writeRoot = null;
        }
    }

    /** @return where the log with this id is to be written (a temporary place for a multi-log import) */
    public Path destination(String logId) {
        return publisher == null ? out : writeRoot.resolve(logId);
    }

    /** Records a committed log (the path {@link #destination} returned). */
    public void committed(Path log) {
        written.add(log.getFileName().toString());
    }

    /** Publishes a multi-log import (marker last, then one rename); nothing to do for a single log. */
    public void complete() {
        if (publisher != null && !completed) {
            publisher.commit();
        }
        completed = true;
    }

    /** @return the logs committed so far, at their final paths once {@link #complete()} has run */
    public List<Path> logs() {
        return publisher == null ? (written.isEmpty() ? List.of() : List.of(out))
                : written.stream().map(out::resolve).toList();
    }

    /** Deletes what this import wrote and not yet published; a published single log is left alone. */
    public void discard() {
        if (publisher != null) {
            publisher.abort();
        }
        written.clear();
    }
}
