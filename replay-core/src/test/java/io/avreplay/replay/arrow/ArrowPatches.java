package io.avreplay.replay.arrow;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/** Test fixture: damages the metadata of one record batch of an Arrow file in a controlled way. */
public final class ArrowPatches {
    private ArrowPatches() {
    }

    /** @return the footer's block of batch {@code i} */
    public static ArrowBlock block(Path file, int i, BufferAllocator allocator) throws IOException {
        try (var ch = Files.newByteChannel(file); var r = new ArrowFileReader(ch, allocator)) {
            return r.getRecordBlocks().get(i);
        }
    }

    /**
     * Sets every field node of batch {@code i} that says {@code rows} rows (an int64 {@code rows}
     * followed by a null count of 0, which tells nodes from (offset, length) buffer entries) to {@code to}.
     *
     * @return how many nodes were changed
     */
    public static int patchNodeLengths(Path file, int i, long rows, long to, BufferAllocator allocator)
            throws IOException {
        ArrowBlock b = block(file, i, allocator);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] region = new byte[b.getMetadataLength()];
            raf.seek(b.getOffset());
            raf.readFully(region);
            ByteBuffer bb = ByteBuffer.wrap(region).order(ByteOrder.LITTLE_ENDIAN);
            int n = 0;
            for (int k = 0; k + 16 <= region.length; k += 4) {
                if (bb.getLong(k) == rows && bb.getLong(k + 8) == 0) {
                    bb.putLong(k, to);
                    n++;
                }
            }
            raf.seek(b.getOffset());
            raf.write(region);
            return n;
        }
    }
}
