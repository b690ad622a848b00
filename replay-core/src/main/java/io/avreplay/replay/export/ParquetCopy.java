package io.avreplay.replay.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * An Arrow IPC file (Feather v2) table copied into one Parquet file with the encoding of the tables export
 * ({@link TablesFormat#PARQUET}: the same column names (less those left out) and the type mapping of {@code docs/export-formats.md},
 * ZSTD pages, no Hadoop class). Used by the fleet module to publish each log's detection tables as Parquet
 * partitions. Thread-safe (no state).
 */
public final class ParquetCopy {
    private ParquetCopy() {
    }

    /**
     * Copies every record batch of {@code arrowFile} into a new Parquet file {@code parquetFile} (written under
     * a temporary sibling and renamed into place, replacing an earlier file there), leaving out the columns
     * named in {@code without} (a hive-style partition, for one, keeps its partition column in the directory
     * name only). A table of no rows gives a Parquet file of no rows, with the schema.
     *
     * @param without   columns not to copy; each must be a column of the table
     * @param allocator buffers for reading; the caller owns it, and every buffer is released before return
     * @return the number of rows copied
     * @throws UncheckedIOException when the Arrow file cannot be read or the Parquet file written
     * @throws IllegalArgumentException when a column of {@code without} is not in the table, or a copied column
     *                                  has a type the Parquet export does not map
     */
    public static long fromArrowFile(Path arrowFile, Path parquetFile, Set<String> without, BufferAllocator allocator) {
        Path tmp = parquetFile.resolveSibling("." + parquetFile.getFileName() + ".tmp");
        long rows = 0;
        try {
            Files.deleteIfExists(tmp);
            try (FileChannel ch = FileChannel.open(arrowFile, StandardOpenOption.READ);
                 ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
                VectorSchemaRoot all = reader.getVectorSchemaRoot();
                List<FieldVector> kept = new ArrayList<>();
                for (FieldVector v : all.getFieldVectors()) {
                    if (!without.contains(v.getName())) {
                        kept.add(v);
                    }
                }
                if (kept.size() != all.getFieldVectors().size() - without.size()) {
                    throw new IllegalArgumentException("columns to leave out " + without + " are not all in "
                            + arrowFile + " (columns " + all.getSchema().getFields().stream().map(f -> f.getName())
                            .toList() + ")");
                }
                VectorSchemaRoot view = new VectorSchemaRoot(kept); // the reader's vectors; the reader frees them
                try (TableSink sink = TablesFormat.PARQUET.open(tmp, view)) {
                    while (reader.loadNextBatch()) {
                        view.setRowCount(all.getRowCount());
                        sink.writeBatch();
                        rows += all.getRowCount();
                    }
                }
            }
            Files.move(tmp, parquetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + arrowFile + " to Parquet " + parquetFile + ": "
                    + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the temporary's name marks it as abandoned; the copy's own outcome stands
            }
        }
    }
}
