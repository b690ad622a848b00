package io.avreplay.replay.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A small table as one Arrow IPC (Feather v2) file of one uncompressed record batch, written to a hidden
 * temporary sibling ({@code .<name>.tmp}, removed on failure) and renamed into place, replacing an earlier
 * file. Used for the run's detection tables and the gate's object tables. Stateless.
 */
public final class ArrowTableFile {
    private ArrowTableFile() {
    }

    /** Sets row {@code row} of every column of {@code root} (with {@code setSafe}). */
    @FunctionalInterface
    public interface RowWriter {
        void write(VectorSchemaRoot root, int row);
    }

    /**
     * @param file      the table file; its parent directories are created
     * @param schema    the table's columns
     * @param rows      the number of rows
     * @param allocator borrowed; everything allocated is released before returning
     * @param fill      writes each row in turn, {@code 0 .. rows - 1}
     * @throws IOException when the file cannot be written (nothing is left at {@code file} then)
     */
    public static void write(Path file, Schema schema, int rows, BufferAllocator allocator, RowWriter fill)
            throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            Files.createDirectories(abs.getParent());
            root.allocateNew();
            for (int i = 0; i < rows; i++) {
                fill.write(root, i);
            }
            root.setRowCount(rows);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE); ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
                w.start();
                w.writeBatch();
                w.end();
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the temporary file is hidden and named after its target
            }
        }
    }
}
