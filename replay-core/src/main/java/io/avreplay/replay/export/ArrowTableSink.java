package io.avreplay.replay.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/** A table as an uncompressed Feather v2 (Arrow IPC) file, one record batch per {@link #writeBatch()}. */
final class ArrowTableSink implements TableSink {
    private final FileChannel channel;
    private final ArrowFileWriter writer;

    ArrowTableSink(Path file, VectorSchemaRoot root) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writer = new ArrowFileWriter(root, null, channel);
        writer.start();
    }

    @Override
    public void writeBatch() throws IOException {
        writer.writeBatch();
    }

    @Override
    public void close() throws IOException {
        try (channel; writer) {
            writer.end();
        }
    }
}
