package io.avreplay.fleet.job;

import io.avreplay.replay.export.ParquetCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A log's detection tables as hive-style Parquet partitions of the job's tables:
 * {@code <table>/log_id=<id>/part-<ordinal, 5 digits>.parquet} for {@code detections_3d} and
 * {@code detections_2d} (when the camera model ran), with the columns of the log's {@code <table>.arrow}
 * ({@link ParquetCopy}) but {@code log_id}, which the directory name holds (as hive-style readers expect:
 * a column in both would be read twice), so Spark ({@code spark.read().parquet("detections_3d")}) or DuckDB
 * ({@code read_parquet('detections_3d/*}{@code /*.parquet', hive_partitioning = true)}) read each directory
 * as one table with a {@code log_id} column. The file name carries the log's ordinal, so a retried task
 * replaces its own file and a log given twice is two files. Thread-safe (no state).
 */
final class DetectionPartitions {
    /** The tables, as named by the per-log Arrow files ({@code <table>.arrow}). */
    static final List<String> TABLES = List.of("detections_3d", "detections_2d");

    private DetectionPartitions() {
    }

    /**
     * Writes the partitions of the log whose outputs are in {@code logDir}.
     *
     * @param jobDir the directory holding the job layout
     * @return the files written, relative to {@code jobDir} (with {@code /})
     * @throws IllegalStateException when writing fails (a fault of the executor, not of the log: the task fails
     *                               and Spark retries it)
     */
    static List<String> write(Path jobDir, Path logDir, String logId, int ordinal, BufferAllocator allocator) {
        List<String> written = new ArrayList<>();
        for (String table : TABLES) {
            Path arrow = logDir.resolve(table + ".arrow");
            if (!Files.isRegularFile(arrow)) {
                continue;
            }
            String rel = table + "/log_id=" + escape(logId) + "/" + String.format("part-%05d.parquet", ordinal);
            Path file = jobDir.resolve(rel);
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
            }
            try {
                ParquetCopy.fromArrowFile(arrow, file, Set.of("log_id"), allocator);
            } catch (UncheckedIOException e) { // the executor's disk, not the log: fail the task, so Spark retries it
                throw new IllegalStateException(e.getMessage(), e);
            }
            written.add(rel);
        }
        return written;
    }

    /**
     * A partition value as a directory name, escaped as Hive and Spark escape them (and unescape when they
     * read the directory): {@code %XX} (upper-case hex of the UTF-8 byte) for control characters and
     * {@code " # % ' * / : = ? \ { [ ] ^} and DEL.
     */
    static String escape(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x20 || c == 0x7f || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0) {
                b.append('%').append(String.format("%02X", c));
            } else {
                b.append((char) c);
            }
        }
        return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
