package io.avreplay.replay.mcap;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The reused memory of one read: a record read from the file and a chunk's decompressed records. A record of
 * at least {@link #MAP_BYTES} (a chunk, as bags are written) is mapped from the file, read-only, with no copy
 * at all: on a bag in the page cache that takes about a third of the CPU of a {@code read} into a buffer
 * (measured: docs/BENCHMARKS.md, MCAP import). Smaller records, and a chunk's decompressed records, go into
 * direct buffers that grow to the largest seen and are then reused (no allocation; a heap buffer would cost a
 * second copy, through the JDK's temporary direct buffer, and zeroing). Views returned are valid until the
 * next call. A mapped file that another process truncates while it is read faults, which the JVM raises as an
 * {@link InternalError}; {@link McapReader#read} turns that into a one-line bad-input error. Not thread-safe.
 */
final class ChunkBuffers {
    /** Records this large or larger are mapped rather than read: 1 MiB. */
    static final int MAP_BYTES = 1 << 20;
    /**
     * Bytes mapped at once, from the record asked for on: 64 MiB, so consecutive chunks share a mapping and a
     * bag needs about 16 per GB (a mapping is released only when the collector finds it unused, and a
     * process may hold about 65 000).
     */
    static final long WINDOW_BYTES = 64L << 20;

    private final Path file;
    private final FileChannel ch;
    private final long size;
    private ByteBuffer window;
    private long windowAt;
    private ByteBuffer raw = ByteBuffer.allocateDirect(0);
    private ByteBuffer plain = ByteBuffer.allocateDirect(0);

    ChunkBuffers(Path file, FileChannel ch) throws IOException {
        this.file = file;
        this.ch = ch;
        this.size = ch.size();
    }

    /** @return {@code n} bytes of the file from {@code at}, position 0 */
    ByteBuffer read(long at, int n) throws IOException {
        if (n >= MAP_BYTES && at >= 0 && at + n <= size) {
            if (window == null || at < windowAt || at + n > windowAt + window.capacity()) {
                window = ch.map(FileChannel.MapMode.READ_ONLY, at, Math.min(size - at, Math.max(n, WINDOW_BYTES)));
                windowAt = at;
            }
            return window.slice((int) (at - windowAt), n);
        }
        raw = room(raw, n);
        ByteBuffer b = raw.duplicate().clear().limit(n);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new BadInputException(file + ": unexpected end of file at byte " + (at + b.position()));
            }
        }
        return b.flip();
    }

    /**
     * Parses a chunk record's content (from its start time to its records), decompresses the records and
     * checks their CRC.
     *
     * @return the records, position 0
     * @throws Cursor.Malformed on a malformed header, an unknown compression, corrupt data or a CRC mismatch
     */
    ByteBuffer records(Cursor c) {
        c.u64("message_start_time");
        c.u64("message_end_time");
        int uncompressed = c.length64("uncompressed_size");
        long crc = c.u32("uncompressed_crc");
        String compression = c.string("compression");
        int length = c.length64("records length");
        ByteBuffer src = c.view(length, "records");
        ByteBuffer records;
        if (compression.isEmpty()) {
            if (length != uncompressed) {
                throw new Cursor.Malformed("uncompressed chunk holds " + length + " bytes, header says " + uncompressed);
            }
            records = src;
        } else {
            if (!src.isDirect()) {
                ByteBuffer d = ByteBuffer.allocateDirect(length);
                src = d.put(0, src, 0, length);
            }
            plain = room(plain, uncompressed);
            ChunkCodec.decompress(compression, src, plain, uncompressed);
            records = plain.duplicate().clear().limit(uncompressed);
        }
        if (crc != 0) {
            CRC32 check = new CRC32();
            check.update(records.duplicate());
            if (check.getValue() != crc) {
                throw new Cursor.Malformed(String.format("CRC mismatch: chunk says 0x%08x, records give 0x%08x", crc,
                        check.getValue()));
            }
        }
        return records;
    }

    private static ByteBuffer room(ByteBuffer b, int n) {
        if (b.capacity() >= n) {
            return b;
        }
        return ByteBuffer.allocateDirect(Math.max(n, (int) Math.min(Integer.MAX_VALUE, 2L * b.capacity())));
    }
}
