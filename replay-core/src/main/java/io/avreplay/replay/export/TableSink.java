package io.avreplay.replay.export;

import java.io.Closeable;
import java.io.IOException;

/**
 * One exported table file being written: the sink was opened on a {@code VectorSchemaRoot} that the caller
 * fills, batch after batch; {@link #writeBatch()} appends the rows it holds now. {@link #close()} finishes the
 * file (footer, flush); the root stays the caller's.
 */
interface TableSink extends Closeable {
    /** Appends the root's current rows (possibly none). */
    void writeBatch() throws IOException;
}
