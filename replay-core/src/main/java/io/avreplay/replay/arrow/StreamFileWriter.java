package io.avreplay.replay.arrow;

import io.avreplay.replay.log.FileEntry;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.log.StreamKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes one Arrow IPC file, batch by batch, while recording a {@link TimeIndex} and checksums. Owns
 * its channel, its vector root and a child allocator; {@link #finish()} or {@link #close()} releases
 * them. Not thread-safe.
 */
final class StreamFileWriter implements AutoCloseable {
    final String relativePath;
    final StreamKind kind;
    final String sensor;
    final TimeIndex index = new TimeIndex();
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final Crc32cChannel channel;
    private final ArrowFileWriter writer;
    private int batches;
    private boolean finished;

    StreamFileWriter(Path logDir, String relativePath, StreamKind kind, String sensor, Schema schema,
            BufferAllocator parent, Compression compression) throws IOException {
        this.relativePath = relativePath;
        this.kind = kind;
        this.sensor = sensor;
        Path file = logDir.resolve(relativePath);
        Files.createDirectories(file.getParent());
        this.allocator = parent.newChildAllocator("write:" + relativePath, 0, Long.MAX_VALUE);
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.channel = new Crc32cChannel(new SmallWriteBuffer(
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)));
        this.writer = compression == Compression.NONE
                ? new ArrowFileWriter(root, null, channel)
                : new ArrowFileWriter(root, null, channel, java.util.Map.of(), IpcOption.DEFAULT,
                        ArrowCodecs.INSTANCE, compression.codec);
        writer.start();
        channel.resetSegment();
    }

    /**
     * Fills the root with {@code fill} and writes it as one record batch holding frames with the given
     * timestamps (one per row, or a single one for a whole-batch frame such as a sweep).
     */
    void writeBatch(Consumer<VectorSchemaRoot> fill, long[] timestamps, boolean onePerRow) throws IOException {
        fill.accept(root);
        writer.writeBatch();
        long crc = channel.resetSegment();
        for (int i = 0; i < timestamps.length; i++) {
            index.add(timestamps[i], batches, onePerRow ? i : 0, crc);
        }
        batches++;
    }

    long lastTimestamp() {
        return index.size() == 0 ? Long.MIN_VALUE : index.last();
    }

    /** Ends the file and returns its size and checksum. */
    FileEntry finish() throws IOException {
        writer.end();
        writer.close();
        finished = true;
        root.close();
        allocator.close();
        return new FileEntry(channel.bytesWritten(), Crc32cChannel.hex(channel.wholeCrc()));
    }

    StreamInfo info() {
        return new StreamInfo(relativePath, sensor, kind, index.size(), index.first(), index.last());
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            writer.close();
        } catch (RuntimeException e) {
            // the file is being discarded; the first error is the one that matters
        }
        root.close();
        allocator.close();
    }
}
