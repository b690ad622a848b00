package io.avreplay.replay.arrow;

import io.avreplay.error.ChecksumMismatchException;
import io.avreplay.error.CorruptLogException;
import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import io.avreplay.error.SchemaMismatchException;
import io.avreplay.replay.log.StreamInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One open Arrow IPC file of a log: footer read at open, schema checked, record batches loaded on
 * demand into a single reused root. Owns a file channel and a child allocator. Not thread-safe.
 */
final class ArrowStreamFile implements AutoCloseable {
    private final Path file;
    private final String relativePath;
    private final FileChannel channel;
    private final BufferAllocator allocator;
    private final ArrowFileReader reader;
    private final List<ArrowBlock> blocks;
    private final VectorSchemaRoot root;
    private final VectorLoader loader;
    /** Keeps the mapping of the loaded batch reachable while the root's vectors point into it. */
    private java.nio.MappedByteBuffer mapping;
    private int loaded = -1;
    /** Whether the loaded batch's checksum was checked. */
    private boolean verified;
    /** Reused for checksums: a direct buffer per call would pile up until a GC frees it. */
    private ByteBuffer crcBuffer;

    ArrowStreamFile(Path logDir, String relativePath, Schema expected, BufferAllocator parent) {
        this.relativePath = relativePath;
        this.file = logDir.resolve(relativePath);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new CorruptLogException(file + ": not a regular file (a log holds only regular files)");
        }
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new CorruptLogException(file + ": cannot open: " + e.getMessage(), e);
        }
        this.allocator = parent.newChildAllocator("read:" + relativePath, 0, Long.MAX_VALUE);
        ArrowFileReader r = new ArrowFileReader(channel, allocator, ArrowCodecs.INSTANCE);
        try {
            this.blocks = r.getRecordBlocks();
            this.root = VectorSchemaRoot.create(r.getVectorSchemaRoot().getSchema(), allocator);
        } catch (IOException | RuntimeException e) {
            closeQuietly(r);
            CorruptLogException c = new CorruptLogException(file + ": not a readable Arrow IPC file (" + describe(e) + ")", e);
            closeAllocator(c);
            throw c;
        }
        this.reader = r;
        this.loader = new VectorLoader(root, ArrowCodecs.INSTANCE);
        try {
            checkSchema(root.getSchema(), expected);
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void checkSchema(Schema actual, Schema expected) {
        for (Field want : expected.getFields()) {
            Field have;
            try {
                have = actual.findField(want.getName());
            } catch (IllegalArgumentException e) {
                have = null;
            }
            if (have == null) {
                throw new SchemaMismatchException(file + ": column '" + want.getName() + "' is missing (expected "
                        + want.getType() + ")");
            }
            if (!have.getType().equals(want.getType())) {
                throw new SchemaMismatchException(file + ": column '" + want.getName() + "' has type " + have.getType()
                        + " (expected " + want.getType() + ")");
            }
        }
    }

    int batchCount() {
        return blocks.size();
    }

    Path file() {
        return file;
    }

    private void checkBatch(int batch) {
        if (batch < 0 || batch >= blocks.size()) {
            throw new CorruptLogException(file + ": batch " + batch + " does not exist (file has " + blocks.size()
                    + " batches)");
        }
    }

    /** Loads batch {@code i} into the shared root (a no-op if already loaded) and returns the root. */
    VectorSchemaRoot load(int batch) {
        if (batch == loaded) {
            return root;
        }
        checkBatch(batch);
        loaded = -1;
        try {
            decodeMapped(blocks.get(batch), map(blocks.get(batch)), batch);
        } catch (IOException | RuntimeException e) {
            throw decodeFailure(batch, e);
        }
        loaded = batch;
        verified = false;
        return root;
    }

    /**
     * Releases whatever a failed decode left in the root (so closing reports no leak) and returns the
     * one-line exception to throw.
     */
    private CorruptLogException decodeFailure(int batch, Exception e) {
        loaded = -1;
        try {
            root.clear();
        } catch (RuntimeException cleanup) {
            e.addSuppressed(cleanup);
        }
        if (e instanceof CorruptLogException c) {
            return c;
        }
        return new CorruptLogException(file + ": batch " + batch + ": cannot decode (" + describe(e) + ")", e);
    }

    /** The exception's message, or what kind of failure it was when it has none. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "unreadable structure: " + e.getClass().getSimpleName() : m;
    }

    private java.nio.MappedByteBuffer map(ArrowBlock block) throws IOException {
        long end = block.getOffset() + block.getMetadataLength() + block.getBodyLength();
        if (end > channel.size()) {
            throw new IOException("batch extends to byte " + end + " but the file has " + channel.size());
        }
        return channel.map(FileChannel.MapMode.READ_ONLY, block.getOffset(),
                block.getMetadataLength() + block.getBodyLength());
    }

    /**
     * Decodes a mapped record batch without copying its body: the file region is wrapped as an Arrow
     * buffer, so the vectors read straight from the page cache (compressed buffers are decompressed into
     * allocator memory by the loader, after {@link BatchBounds} has bounded their declared sizes).
     */
    private void decodeMapped(ArrowBlock block, java.nio.MappedByteBuffer mb, int index) throws IOException {
        if (block.getMetadataLength() < 0 || block.getBodyLength() < 0) {
            throw new IOException("block at offset " + block.getOffset() + " has a negative length");
        }
        byte[] metadata = new byte[block.getMetadataLength()];
        mb.get(0, metadata);
        MessageMetadataResult meta = MessageSerializer.readMessage(
                new ReadChannel(new ByteArrayReadableSeekableByteChannel(metadata)));
        if (meta == null || meta.headerType() != org.apache.arrow.flatbuf.MessageHeader.RecordBatch) {
            throw new IOException("block at offset " + block.getOffset() + " is not a record batch");
        }
        long address = MemoryUtil.getByteBufferAddress(mb) + block.getMetadataLength();
        ArrowBuf body = allocator.wrapForeignAllocation(new MappedRegion(block.getBodyLength(), address));
        // The record batch takes over the body's reference; the loader retains what the vectors keep.
        ArrowRecordBatch deserialized;
        try {
            deserialized = MessageSerializer.deserializeRecordBatch(meta, body);
        } catch (IOException | RuntimeException e) {
            body.getReferenceManager().release(); // not taken over: a failed deserialization would leak it
            throw e;
        }
        try (ArrowRecordBatch batch = deserialized) {
            BatchBounds.check(file, index, root.getSchema(), batch);
            ArrowRecordBatch plain = BatchDecompression.decompress(batch, allocator);
            try {
                loader.load(plain);
            } finally {
                if (plain != batch) {
                    plain.close();
                }
            }
        }
        mapping = mb;
    }

    /** A mapped file region lent to Arrow; unmapping is left to the mapping's garbage collection. */
    private static final class MappedRegion extends ForeignAllocation {
        MappedRegion(long size, long address) {
            super(size, address);
        }

        @Override
        protected void release0() {
            // nothing to free: the MappedByteBuffer owns the mapping
        }
    }

    /**
     * Returns the first {@code bytes} of a buffer of the loaded batch as a little-endian buffer that stays
     * valid after later loads: a slice of the batch's memory mapping when the buffer lies inside it (the
     * slice references the mapping, which stays mapped while any slice is reachable; no copy), otherwise
     * (compressed files, whose buffers are decompressed into the root's memory) a heap copy.
     */
    ByteBuffer retain(ArrowBuf buf, int bytes) {
        java.nio.MappedByteBuffer m = mapping;
        if (m != null) {
            long offset = buf.memoryAddress() - MemoryUtil.getByteBufferAddress(m);
            if (offset >= 0 && offset + bytes <= m.capacity()) {
                return m.slice((int) offset, bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            }
        }
        ByteBuffer copy = ByteBuffer.allocate(bytes);
        copy.put(buf.nioBuffer(0, bytes)).flip();
        return copy.order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** Computes the CRC-32C of the raw bytes of batch {@code i}. */
    long batchCrc(int batch) {
        ArrowBlock b = blocks.get(batch);
        long len = b.getMetadataLength() + b.getBodyLength();
        CRC32C crc = new CRC32C();
        if (crcBuffer == null) {
            crcBuffer = ByteBuffer.allocateDirect(1 << 20);
        }
        ByteBuffer buf = crcBuffer;
        long pos = b.getOffset();
        long remaining = len;
        try {
            while (remaining > 0) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), remaining));
                int n = channel.read(buf, pos);
                if (n < 0) {
                    throw new CorruptLogException(file + ": batch " + batch + ": file ends inside the batch");
                }
                buf.flip();
                crc.update(buf);
                pos += n;
                remaining -= n;
            }
        } catch (IOException e) {
            throw new CorruptLogException(file + ": batch " + batch + ": cannot read (" + e.getMessage() + ")", e);
        }
        return crc.getValue();
    }

    void verifyBatch(int batch, long expectedCrc, StreamInfo info) {
        checkCrc(batch, batchCrc(batch), expectedCrc, info);
    }

    private void checkCrc(int batch, long actual, long expectedCrc, StreamInfo info) {
        if (actual != expectedCrc) {
            throw new ChecksumMismatchException(file + ": batch " + batch + " of stream '" + info.name()
                    + "' fails its checksum (CRC-32C " + Crc32cChannel.hex(actual) + ", index says "
                    + Crc32cChannel.hex(expectedCrc) + ")");
        }
    }

    /**
     * Loads batch {@code i} like {@link #load} after checking its CRC-32C. The batch is mapped once: the
     * CRC is computed over the mapped bytes, which are then decoded in place (no copy).
     *
     * @throws ChecksumMismatchException naming file and batch when the CRC differs
     */
    VectorSchemaRoot loadVerified(int batch, long expectedCrc, StreamInfo info) {
        if (batch == loaded && verified) {
            return root;
        }
        checkBatch(batch);
        loaded = -1;
        try {
            java.nio.MappedByteBuffer mb = map(blocks.get(batch));
            CRC32C crc = new CRC32C();
            crc.update(mb.duplicate());
            checkCrc(batch, crc.getValue(), expectedCrc, info);
            decodeMapped(blocks.get(batch), mb, batch);
        } catch (IOException | RuntimeException e) {
            throw decodeFailure(batch, e);
        }
        loaded = batch;
        verified = true;
        return root;
    }

    private void readFully(ByteBuffer dst, long pos, int batch) throws IOException {
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                throw new CorruptLogException(file + ": batch " + batch + ": file ends inside the batch");
            }
            pos += n;
        }
    }

    String relativePath() {
        return relativePath;
    }

    /**
     * Releases the root, the reader and the allocator. A leak the allocator reports is thrown, so tests
     * find it, but only after everything else was released.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            root.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        mapping = null;
        closeQuietly(reader);
        try {
            allocator.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes the allocator after a failed open, adding a leak report to {@code cause} rather than losing it. */
    private void closeAllocator(RuntimeException cause) {
        try {
            allocator.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(ArrowFileReader r) {
        try {
            r.close();
        } catch (IOException | RuntimeException e) {
            // closing a reader we are abandoning; nothing useful to report
        }
    }
}
