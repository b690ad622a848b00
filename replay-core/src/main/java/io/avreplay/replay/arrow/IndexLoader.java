package io.avreplay.replay.arrow;

import io.avreplay.error.CorruptLogException;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Loads a log's time index at open and checks it against the manifest: every row names a listed stream,
 * each stream has exactly the frames the manifest records, and no entry points past its file's last batch.
 * Stateless; the index file is closed before {@link #load} returns.
 */
final class IndexLoader {
    private IndexLoader() {
    }

    /**
     * @param batchCounts the number of record batches of a stream file, by its manifest name
     * @return each stream's index, by stream name
     * @throws CorruptLogException naming the index file (and batch, row) on any mismatch or invalid value
     */
    static Map<String, TimeIndex> load(Path dir, LogManifest manifest, BufferAllocator allocator,
            ToIntFunction<String> batchCounts) {
        Map<String, TimeIndex> out = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (StreamInfo s : manifest.streams()) {
            counts.put(s.name(), s.count());
            // grows as entries arrive: a manifest's count is checked against the index, never trusted to allocate
            out.put(s.name(), new TimeIndex((int) Math.min(s.count(), 1024)));
        }
        Path indexFile = dir.resolve(LogSchemas.INDEX_FILE);
        try (ArrowStreamFile f = new ArrowStreamFile(dir, LogSchemas.INDEX_FILE, LogSchemas.timeIndex(), allocator)) {
            for (int b = 0; b < f.batchCount(); b++) {
                try {
                    readBatch(f.load(b), b, indexFile, out, counts);
                } catch (CorruptLogException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new CorruptLogException(indexFile + ": batch " + b + ": invalid value ("
                            + ArrowStreamFile.describe(e) + ")", e);
                }
            }
        }
        checkCounts(dir, manifest, out, indexFile, batchCounts);
        return out;
    }

    private static void readBatch(VectorSchemaRoot root, int b, Path indexFile, Map<String, TimeIndex> out,
            Map<String, Long> counts) {
        VarCharVector stream = Columns.vector(root, "stream", VarCharVector.class);
        BigIntVector ts = Columns.vector(root, "timestamp_ns", BigIntVector.class);
        IntVector batch = Columns.vector(root, "batch", IntVector.class);
        IntVector row = Columns.vector(root, "row", IntVector.class);
        BigIntVector crc = Columns.vector(root, "batch_crc32c", BigIntVector.class);
        for (int i = 0; i < root.getRowCount(); i++) {
            if (stream.isNull(i)) {
                throw new CorruptLogException(indexFile + ": batch " + b + ", row " + i + ": stream is null");
            }
            String name = Columns.getString(stream, i);
            TimeIndex idx = out.get(name);
            if (idx == null) {
                throw new CorruptLogException(indexFile + ": row " + i + " names stream '" + name
                        + "', which the manifest does not list");
            }
            if (idx.size() >= counts.get(name)) {
                throw new CorruptLogException(indexFile + ": stream '" + name + "' has more index entries than the "
                        + counts.get(name) + " frames the manifest records");
            }
            idx.add(ts.get(i), batch.get(i), row.get(i), crc.get(i));
        }
    }

    private static void checkCounts(Path dir, LogManifest manifest, Map<String, TimeIndex> out, Path indexFile,
            ToIntFunction<String> batchCounts) {
        for (StreamInfo s : manifest.streams()) {
            TimeIndex idx = out.get(s.name());
            if (idx.size() != s.count()) {
                throw new CorruptLogException(indexFile + ": stream '" + s.name() + "' has " + idx.size()
                        + " index entries but the manifest records " + s.count() + " frames");
            }
            int batches = batchCounts.applyAsInt(s.file());
            if (idx.size() > 0 && idx.batch(idx.size() - 1) >= batches) {
                throw new CorruptLogException(dir.resolve(s.file()) + ": has " + batches
                        + " record batches but the index refers to batch " + idx.batch(idx.size() - 1));
            }
        }
    }
}
