package io.avreplay.replay.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * An Arrow IPC file (Feather v2) table copied into one Parquet file with the encoding of the tables export
 * ({@link TablesFormat#PARQUET}: the same column names and the type mapping of {@code docs/export-formats.md},
 * ZSTD pages, no Hadoop class). Used by the fleet module to publish each log's detection tables as Parquet
 * partitions. Thread-safe (no state).
 */
public final class ParquetCopy {
    private ParquetCopy() {
    }

    /**
     * Copies every record batch of {@code arrowFile} into a new Parquet file {@code parquetFile} (written under
     * a temporary sibling and renamed into place, replacing an earlier file there). A table of no rows gives a
     * Parquet file of no rows, with the schema.
     *
     * @param allocator buffers for reading; the caller owns it, and every buffer is released before return
     * @return the number of rows copied
     * @throws UncheckedIOException when the Arrow file cannot be read or the Parquet file written
     * @throws IllegalArgumentException when a column has a type the Parquet export does not map
     */
    public static long fromArrowFile(Path arrowFile, Path parquetFile, BufferAllocator allocator) {
        Path tmp = parquetFile.resolveSibling("." + parquetFile.getFileName() + ".tmp");
        long rows = 0;
        try {
            Files.deleteIfExists(tmp);
            try (FileChannel ch = FileChannel.open(arrowFile, StandardOpenOption.READ);
                 ArrowFileReader reader = new ArrowFileReader(ch, allocator);
                 TableSink sink = TablesFormat.PARQUET.open(tmp, reader.getVectorSchemaRoot())) {
                while (reader.loadNextBatch()) {
                    sink.writeBatch();
                    rows += reader.getVectorSchemaRoot().getRowCount();
                }
            }
            Files.move(tmp, parquetFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + arrowFile + " to Parquet " + parquetFile + ": "
                    + e.getMessage(), e);
        }
    }
}
