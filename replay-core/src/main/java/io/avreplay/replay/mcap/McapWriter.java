package io.avreplay.replay.mcap;

import io.avreplay.error.AvreplayException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Writes an MCAP file: magic and header, schemas and channels (in the data section as they are added),
 * messages in compressed chunks each followed by its message indexes, then the data end record (with
 * the CRC-32 of every byte before it), the summary (schemas, channels, statistics, chunk indexes),
 * the summary offsets and the footer with the summary CRC. Chunk records carry the CRC-32 of their
 * uncompressed records.
 *
 * <p>The file is written in place; callers that need all-or-nothing output write to a temporary file
 * and rename it. Not thread-safe. {@link #close()} finishes the file when {@link #finish()} was not called.
 */
public final class McapWriter implements AutoCloseable {
    private static final String LIBRARY = "avreplay";
    private final OutputStream out;
    private final McapWriteOptions options;
    private final CRC32 dataCrc = new CRC32();
    private long position;
    private final RecordBuilder scratch = new RecordBuilder(1 << 12);
    private final RecordBuilder record = new RecordBuilder(1 << 12);
    private final RecordBuilder chunk;
    private final Map<Integer, RecordBuilder> chunkIndex = new TreeMap<>();
    private long chunkStart = Long.MAX_VALUE;
    private long chunkEnd = Long.MIN_VALUE;
    private final Map<Integer, RecordBuilder> schemas = new LinkedHashMap<>();
    private final Map<Integer, RecordBuilder> channels = new LinkedHashMap<>();
    private final Map<Integer, Long> channelCounts = new TreeMap<>();
    private final List<RecordBuilder> chunkIndexes = new ArrayList<>();
    private long messages;
    private long firstTime = Long.MAX_VALUE;
    private long lastTime = Long.MIN_VALUE;
    private boolean finished;

    private McapWriter(OutputStream out, McapWriteOptions options) throws IOException {
        this.out = out;
        this.options = options;
        this.chunk = new RecordBuilder(Math.min(options.chunkBytes() + (1 << 16), 64 << 20));
        emit(McapFormat.MAGIC, McapFormat.MAGIC.length);
        scratch.reset();
        scratch.string(options.profile()).string(LIBRARY);
        writeRecord(McapFormat.OP_HEADER, scratch);
    }

    /**
     * Creates {@code file} (failing when it exists).
     *
     * @throws AvreplayException when it exists or cannot be created
     */
    public static McapWriter create(Path file, McapWriteOptions options) {
        try {
            return new McapWriter(new BufferedOutputStream(Files.newOutputStream(file,
                    java.nio.file.StandardOpenOption.CREATE_NEW), 1 << 16), options);
        } catch (IOException e) {
            throw new AvreplayException(file + ": cannot create: " + e.getMessage(), e);
        }
    }

    /** Adds a schema; ids are given out from 1. @return its id */
    public int addSchema(String name, String encoding, byte[] data) {
        int id = schemas.size() + 1;
        RecordBuilder b = new RecordBuilder(data.length + 64);
        b.u16(id).string(name).string(encoding).prefixed(data);
        schemas.put(id, b);
        writeRecord(McapFormat.OP_SCHEMA, b);
        return id;
    }

    /** Adds a channel; ids are given out from 0. @param schemaId a schema id or 0 for none @return its id */
    public int addChannel(int schemaId, String topic, String messageEncoding, Map<String, String> metadata) {
        if (schemaId != 0 && !schemas.containsKey(schemaId)) {
            throw new IllegalArgumentException("schemaId " + schemaId + " was not added");
        }
        int id = channels.size();
        RecordBuilder b = new RecordBuilder(128);
        b.u16(id).u16(schemaId).string(topic).string(messageEncoding).stringMap(metadata);
        channels.put(id, b);
        channelCounts.put(id, 0L);
        writeRecord(McapFormat.OP_CHANNEL, b);
        return id;
    }

    /**
     * Appends a message.
     *
     * @param logTimeNs     receive time, ns
     * @param publishTimeNs publish time, ns
     */
    public void write(int channelId, long sequence, long logTimeNs, long publishTimeNs, byte[] data) {
        if (!channels.containsKey(channelId)) {
            throw new IllegalArgumentException("channelId " + channelId + " was not added");
        }
        record.reset();
        record.u8(McapFormat.OP_MESSAGE).u64(McapFormat.MESSAGE_FIXED + data.length).u16(channelId).u32(sequence)
                .u64(logTimeNs).u64(publishTimeNs).raw(data);
        messages++;
        channelCounts.merge(channelId, 1L, Long::sum);
        firstTime = Math.min(firstTime, logTimeNs);
        lastTime = Math.max(lastTime, logTimeNs);
        if (!options.chunked()) {
            emit(record.array(), record.length());
            return;
        }
        chunkIndex.computeIfAbsent(channelId, k -> new RecordBuilder(256)).u64(logTimeNs).u64(chunk.length());
        chunk.raw(record.array(), 0, record.length());
        chunkStart = Math.min(chunkStart, logTimeNs);
        chunkEnd = Math.max(chunkEnd, logTimeNs);
        if (chunk.length() >= options.chunkBytes()) {
            flushChunk();
        }
    }

    private void flushChunk() {
        if (chunk.length() == 0) {
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 0, chunk.length());
        byte[] body = ChunkCodec.compress(options.compression(), chunk.array(), chunk.length(), 3);
        long chunkOffset = position;
        scratch.reset();
        scratch.u64(chunkStart).u64(chunkEnd).u64(chunk.length()).u32(crc.getValue()).string(options.compression())
                .u64(body.length).raw(body);
        writeRecord(McapFormat.OP_CHUNK, scratch);
        long chunkLength = position - chunkOffset;
        Map<Integer, Long> indexOffsets = new TreeMap<>();
        if (options.indexed()) {
            for (Map.Entry<Integer, RecordBuilder> e : chunkIndex.entrySet()) {
                indexOffsets.put(e.getKey(), position);
                scratch.reset();
                scratch.u16(e.getKey()).u32(e.getValue().length()).raw(e.getValue().array(), 0, e.getValue().length());
                writeRecord(McapFormat.OP_MESSAGE_INDEX, scratch);
            }
            RecordBuilder ci = new RecordBuilder(128);
            ci.u64(chunkStart).u64(chunkEnd).u64(chunkOffset).u64(chunkLength).u16u64Map(indexOffsets)
                    .u64(position - chunkOffset - chunkLength).string(options.compression()).u64(body.length)
                    .u64(chunk.length());
            chunkIndexes.add(ci);
        }
        chunk.reset();
        chunkIndex.clear();
        chunkStart = Long.MAX_VALUE;
        chunkEnd = Long.MIN_VALUE;
    }

    /** Writes the last chunk, the data end, the summary and the footer, and closes the file. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            flushChunk();
            scratch.reset();
            scratch.u32(dataCrc.getValue());
            writeRecord(McapFormat.OP_DATA_END, scratch);
            CRC32 summaryCrc = new CRC32();
            long summaryStart = 0;
            long offsetsStart = 0;
            if (options.indexed()) {
                summaryStart = position;
                RecordBuilder summary = summary(summaryStart);
                offsetsStart = summaryStart + summary.length();
                RecordBuilder offsets = lastOffsets;
                summaryCrc.update(summary.array(), 0, summary.length());
                summaryCrc.update(offsets.array(), 0, offsets.length());
                emit(summary.array(), summary.length());
                emit(offsets.array(), offsets.length());
            }
            scratch.reset();
            scratch.u8(McapFormat.OP_FOOTER).u64(McapFormat.FOOTER_CONTENT).u64(summaryStart).u64(offsetsStart);
            summaryCrc.update(scratch.array(), 0, scratch.length());
            long crc = options.indexed() ? summaryCrc.getValue() : 0;
            scratch.u32(crc);
            emit(scratch.array(), scratch.length());
            emit(McapFormat.MAGIC, McapFormat.MAGIC.length);
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the MCAP file: " + e.getMessage(), e);
        }
    }

    private RecordBuilder lastOffsets;

    private RecordBuilder summary(long start) {
        RecordBuilder s = new RecordBuilder(1 << 12);
        RecordBuilder offsets = new RecordBuilder(256);
        long groupStart = start + s.length();
        for (RecordBuilder b : schemas.values()) {
            s.record(McapFormat.OP_SCHEMA, b);
        }
        group(offsets, McapFormat.OP_SCHEMA, groupStart, start + s.length());
        groupStart = start + s.length();
        for (RecordBuilder b : channels.values()) {
            s.record(McapFormat.OP_CHANNEL, b);
        }
        group(offsets, McapFormat.OP_CHANNEL, groupStart, start + s.length());
        groupStart = start + s.length();
        RecordBuilder st = new RecordBuilder(128);
        st.u64(messages).u16(schemas.size()).u32(channels.size()).u32(0).u32(0).u32(chunkIndexes.size())
                .u64(messages == 0 ? 0 : firstTime).u64(messages == 0 ? 0 : lastTime).u16u64Map(channelCounts);
        s.record(McapFormat.OP_STATISTICS, st);
        group(offsets, McapFormat.OP_STATISTICS, groupStart, start + s.length());
        groupStart = start + s.length();
        for (RecordBuilder b : chunkIndexes) {
            s.record(McapFormat.OP_CHUNK_INDEX, b);
        }
        group(offsets, McapFormat.OP_CHUNK_INDEX, groupStart, start + s.length());
        lastOffsets = offsets;
        return s;
    }

    private static void group(RecordBuilder offsets, int opcode, long from, long to) {
        if (to > from) {
            RecordBuilder g = new RecordBuilder(17);
            g.u8(opcode).u64(from).u64(to - from);
            offsets.record(McapFormat.OP_SUMMARY_OFFSET, g);
        }
    }

    private void writeRecord(int opcode, RecordBuilder content) {
        record.reset();
        record.u8(opcode).u64(content.length());
        emit(record.array(), record.length());
        emit(content.array(), content.length());
    }

    private void emit(byte[] b, int n) {
        try {
            out.write(b, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the MCAP file: " + e.getMessage(), e);
        }
        if (!finished) {
            dataCrc.update(b, 0, n);
        }
        position += n;
    }

    /** Finishes the file when {@link #finish()} was not called. */
    @Override
    public void close() {
        finish();
    }
}
