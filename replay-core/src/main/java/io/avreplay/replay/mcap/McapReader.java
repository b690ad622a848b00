package io.avreplay.replay.mcap;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads every message of an MCAP file. With an intact summary holding chunk indexes, chunks are read
 * in the order of their first message's log time and each chunk's messages in log-time order. Without
 * one (no summary, a summary CRC mismatch, a truncated file) the data section is scanned record by
 * record from the start: every complete message is delivered, a damaged chunk is skipped (its loss
 * counted per topic from the message indexes that follow it), a chunk cut off by truncation gives up
 * the complete messages its stream still yields, and each unreadable range is reported as a
 * {@link McapLoss}.
 *
 * <p>Memory: one chunk (compressed and decompressed) at a time, chunks of 1 MiB or more mapped from the file in
 * 64 MiB windows, others in direct buffers reused from chunk to chunk ({@link ChunkBuffers}); payloads reach the
 * visitor as views of them ({@link McapMessageView}), with no copy. Stateless entry point; each call uses
 * its own state, so concurrent reads of different files are safe.
 */
public final class McapReader {
    private McapReader() {
    }

    /**
     * Reads {@code file}, delivering its schemas, channels and messages to {@code visitor}.
     *
     * @return what was delivered and what was lost
     * @throws BadInputException when the file cannot be opened, does not start with the MCAP magic, or is
     *                           truncated by another process while it is read
     */
    public static McapReadResult read(Path file, McapVisitor visitor) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            try {
                return new Scan(file, ch, visitor).run();
            } catch (InternalError e) {
                // A mapped chunk whose file shrank under it faults (SIGBUS), which the JVM raises as InternalError.
                long now = ch.size();
                if (now < size) {
                    throw new BadInputException(file + ": truncated by another process while being read (" + size
                            + " bytes at the start, " + now + " now)", e);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The state of one read. */
    private static final class Scan {
        private final Path file;
        private final FileChannel ch;
        private final long size;
        private final McapVisitor visitor;
        private final Map<Integer, McapSchema> schemas = new HashMap<>();
        private final Map<Integer, McapChannel> channels = new HashMap<>();
        private final List<McapLoss> losses = new ArrayList<>();
        private final ChunkBuffers buffers;
        private long delivered;
        private boolean closed;

        Scan(Path file, FileChannel ch, McapVisitor visitor) throws IOException {
            this.file = file;
            this.ch = ch;
            this.size = ch.size();
            this.visitor = visitor;
            this.buffers = new ChunkBuffers(file, ch);
        }

        McapReadResult run() throws IOException {
            byte[] magic = read(0, (int) Math.min(8, size));
            if (!Arrays.equals(magic, McapFormat.MAGIC)) {
                throw new BadInputException(file + ": not an MCAP file: expected the magic 89 4D 43 41 50 30 0D 0A at byte 0, got "
                        + RecordParser.hex(magic));
            }
            List<ChunkRef> chunks = summaryChunks();
            if (chunks != null && !chunks.isEmpty()) {
                readIndexed(chunks);
                return new McapReadResult(file, true, delivered, losses);
            }
            int before = losses.size();
            scan();
            if (!closed && losses.size() == before) {
                losses.add(new McapLoss(file, size, 0, "the file ends without a footer (not closed: summary and index "
                        + "missing); every message of the data section was read", Map.of()));
            }
            return new McapReadResult(file, false, delivered, losses);
        }

        // ---- summary ----

        /** @return the chunk indexes of an intact summary, or null when the data section must be scanned */
        private List<ChunkRef> summaryChunks() throws IOException {
            long footerAt = size - 8 - McapFormat.RECORD_PREFIX - McapFormat.FOOTER_CONTENT;
            if (footerAt < 8 + McapFormat.RECORD_PREFIX || !Arrays.equals(read(size - 8, 8), McapFormat.MAGIC)) {
                return null;
            }
            closed = true;
            Cursor f = new Cursor(ByteBuffer.wrap(read(footerAt, McapFormat.RECORD_PREFIX + McapFormat.FOOTER_CONTENT)));
            if (f.u8("footer opcode") != McapFormat.OP_FOOTER || f.u64("footer length") != McapFormat.FOOTER_CONTENT) {
                return null;
            }
            long summaryStart = f.u64("summary_start");
            f.u64("summary_offset_start");
            long crc = f.u32("summary_crc");
            if (summaryStart <= 8 || summaryStart > footerAt) {
                return null;
            }
            int summaryLength = Math.toIntExact(footerAt - summaryStart);
            byte[] summary = read(summaryStart, summaryLength + McapFormat.RECORD_PREFIX + 16);
            if (crc != 0) {
                CRC32 c = new CRC32();
                c.update(summary);
                if (c.getValue() != crc) {
                    losses.add(new McapLoss(file, summaryStart, summaryLength, String.format(
                            "summary CRC mismatch: footer says 0x%08x, bytes give 0x%08x; scanned the data section instead",
                            crc, c.getValue()), Map.of()));
                    return null;
                }
            }
            List<ChunkRef> refs = new ArrayList<>();
            try {
                Cursor s = new Cursor(summary, 0, summaryLength);
                while (s.remaining() > 0) {
                    int op = s.u8("opcode");
                    Cursor c = s.sub(s.length64("record length"));
                    switch (op) {
                        case McapFormat.OP_SCHEMA -> schema(c);
                        case McapFormat.OP_CHANNEL -> channel(c);
                        case McapFormat.OP_CHUNK_INDEX -> refs.add(ChunkRef.parse(c));
                        default -> { }
                    }
                }
            } catch (Cursor.Malformed e) {
                losses.add(new McapLoss(file, summaryStart, summaryLength, "malformed summary: " + e.getMessage()
                        + "; scanned the data section instead", Map.of()));
                return null;
            }
            refs.sort(Comparator.comparingLong(ChunkRef::startTime).thenComparingLong(ChunkRef::offset));
            return refs;
        }

        /** Reads the chunks in {@code refs}' order, each loaded ahead on a thread of its own ({@link ChunkReadAhead}). */
        private void readIndexed(List<ChunkRef> refs) throws IOException {
            try (ChunkReadAhead chunks = new ChunkReadAhead(file, ch, size, refs)) {
                for (ChunkRef r : refs) {
                    if (!r.within(size)) {
                        losses.add(new McapLoss(file, Math.min(r.offset(), size), 0, "chunk index points outside the file: offset "
                                + r.offset() + " length " + r.length(), lostByIndex(r)));
                        continue;
                    }
                    ChunkReadAhead.Loaded c = chunks.next();
                    try {
                        if (c.error() != null) {
                            throw c.error();
                        }
                        records(new Cursor(c.records()), true, false);
                    } catch (Cursor.Malformed e) {
                        losses.add(new McapLoss(file, r.offset(), r.length(), "chunk: " + e.getMessage(), lostByIndex(r)));
                    }
                }
            }
        }

        /** Message counts per topic of a chunk, from its message index records. */
        private Map<String, Long> lostByIndex(ChunkRef r) {
            Map<String, Long> lost = new LinkedHashMap<>();
            try {
                if (r.indexOffsets().isEmpty() || r.indexStart() + r.indexLength() > size) {
                    return lost;
                }
                byte[] idx = read(r.indexStart(), Math.toIntExact(r.indexLength()));
                Cursor c = new Cursor(idx, 0, idx.length);
                while (c.remaining() > 0) {
                    int op = c.u8("opcode");
                    Cursor rec = c.sub(c.length64("record length"));
                    if (op == McapFormat.OP_MESSAGE_INDEX) {
                        int channel = rec.u16("channel_id");
                        lost.merge(topic(channel), (long) rec.skipArray("records", 16), Long::sum);
                    }
                }
            } catch (Cursor.Malformed | IOException e) {
                // counts are best effort: the loss itself is reported either way
            }
            return lost;
        }

        // ---- linear scan ----

        private void scan() throws IOException {
            long pos = 8;
            McapLoss pendingChunkLoss = null;
            Map<String, Long> pendingCounts = null;
            while (pos < size) {
                if (size - pos < McapFormat.RECORD_PREFIX) {
                    losses.add(new McapLoss(file, pos, size - pos, "truncated: a record header needs 9 bytes, "
                            + (size - pos) + " left", Map.of()));
                    break;
                }
                Cursor head = new Cursor(ByteBuffer.wrap(read(pos, McapFormat.RECORD_PREFIX)));
                int op = head.u8("opcode");
                long len = head.u64("length");
                long contentAt = pos + McapFormat.RECORD_PREFIX;
                if (op != McapFormat.OP_MESSAGE_INDEX && pendingChunkLoss != null) {
                    losses.add(withCounts(pendingChunkLoss, pendingCounts));
                    pendingChunkLoss = null;
                }
                if (len < 0 || len > size - contentAt) {
                    truncated(pos, op, len);
                    break;
                }
                if (op == McapFormat.OP_DATA_END || op == McapFormat.OP_FOOTER) {
                    break;
                }
                if (op == McapFormat.OP_MESSAGE_INDEX) {
                    if (pendingChunkLoss != null) {
                        countIndex(read(contentAt, (int) len), pendingCounts);
                    }
                } else if (op == McapFormat.OP_SCHEMA || op == McapFormat.OP_CHANNEL || op == McapFormat.OP_MESSAGE
                        || op == McapFormat.OP_CHUNK) {
                    if (len > Integer.MAX_VALUE) {
                        throw new BadInputException(file + " @" + pos + ": record of " + len + " bytes is over 2 GiB");
                    }
                    ByteBuffer content = buffers.read(contentAt, (int) len);
                    try {
                        record(op, new Cursor(content), false);
                    } catch (Cursor.Malformed e) {
                        pendingChunkLoss = new McapLoss(file, pos, McapFormat.RECORD_PREFIX + len,
                                (op == McapFormat.OP_CHUNK ? "chunk: " : "record 0x" + Integer.toHexString(op) + ": ")
                                        + e.getMessage(), Map.of());
                        pendingCounts = new LinkedHashMap<>();
                    }
                }
                pos = contentAt + len;
            }
            if (pendingChunkLoss != null) {
                losses.add(withCounts(pendingChunkLoss, pendingCounts));
            }
        }

        private McapLoss withCounts(McapLoss l, Map<String, Long> counts) {
            return new McapLoss(l.file(), l.offset(), l.length(), l.reason(), counts);
        }

        private void countIndex(byte[] content, Map<String, Long> counts) {
            try {
                Cursor c = new Cursor(content, 0, content.length);
                int channel = c.u16("channel_id");
                counts.merge(topic(channel), (long) c.skipArray("records", 16), Long::sum);
            } catch (Cursor.Malformed e) {
                // a damaged index only loses the count
            }
        }

        /** A record runs past the end of the file: recover what a cut chunk still holds. */
        private void truncated(long pos, int op, long len) throws IOException {
            long have = size - pos - McapFormat.RECORD_PREFIX;
            long before = delivered;
            if (op == McapFormat.OP_CHUNK && have > 0) {
                byte[] part = read(pos + McapFormat.RECORD_PREFIX, (int) Math.min(have, Integer.MAX_VALUE));
                partialChunk(new Cursor(part, 0, part.length));
            }
            String what = op == McapFormat.OP_CHUNK ? "chunk" : "record 0x" + Integer.toHexString(op);
            losses.add(new McapLoss(file, pos, size - pos, "truncated " + what + ": declares "
                    + Long.toUnsignedString(len) + " bytes, " + have + " present"
                    + (op == McapFormat.OP_CHUNK ? "; recovered " + (delivered - before) + " complete messages from it" : ""),
                    Map.of()));
        }

        private void partialChunk(Cursor c) {
            try {
                c.u64("message_start_time");
                c.u64("message_end_time");
                c.u64("uncompressed_size");
                c.u32("uncompressed_crc");
                String compression = c.string("compression");
                c.u64("records length");
                byte[] rest = c.rest();
                byte[] records = ChunkCodec.decompressPrefix(compression, rest, 0, rest.length);
                records(new Cursor(ByteBuffer.wrap(records)), false, true);
            } catch (Cursor.Malformed e) {
                // nothing more to recover from this chunk
            }
        }

        // ---- records ----

        private void record(int op, Cursor c, boolean sortChunk) {
            switch (op) {
                case McapFormat.OP_SCHEMA -> schema(c);
                case McapFormat.OP_CHANNEL -> channel(c);
                case McapFormat.OP_MESSAGE -> deliver(message(c));
                case McapFormat.OP_CHUNK -> chunk(c, sortChunk);
                default -> { }
            }
        }

        private void chunk(Cursor c, boolean sortByTime) {
            records(new Cursor(buffers.records(c)), sortByTime, false);
        }

        /** Parses the records of a chunk; in a partial chunk a cut-off last record is dropped silently. */
        private void records(Cursor c, boolean sortByTime, boolean partial) {
            List<McapMessageView> batch = new ArrayList<>();
            try {
                while (c.remaining() > 0) {
                    int op = c.u8("opcode");
                    Cursor rec = c.sub(c.length64("record length"));
                    if (op == McapFormat.OP_MESSAGE) {
                        batch.add(message(rec));
                    } else {
                        record(op, rec, sortByTime);
                    }
                }
            } catch (Cursor.Malformed e) {
                if (!partial) {
                    throw e;
                }
            }
            if (sortByTime) {
                batch.sort(Comparator.comparingLong(McapMessageView::logTimeNs));
            }
            batch.forEach(this::deliver);
        }

        private void schema(Cursor c) {
            McapSchema s = RecordParser.schema(c);
            if (s != null && schemas.putIfAbsent(s.id(), s) == null) {
                visitor.schema(s);
            }
        }

        private void channel(Cursor c) {
            McapChannel ch = RecordParser.channel(c);
            if (channels.putIfAbsent(ch.id(), ch) == null) {
                visitor.channel(ch);
            }
        }

        private McapMessageView message(Cursor c) {
            return RecordParser.message(c);
        }

        private void deliver(McapMessageView m) {
            McapChannel ch = channels.get(m.channelId());
            if (ch == null) {
                losses.add(new McapLoss(file, 0, 0, "message on channel " + m.channelId()
                        + " that no channel record defines", Map.of("channel " + m.channelId(), 1L)));
                return;
            }
            delivered++;
            visitor.message(m, ch);
        }

        private String topic(int channel) {
            McapChannel ch = channels.get(channel);
            return ch == null ? "channel " + channel : ch.topic();
        }

        private byte[] read(long at, int n) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(n);
            while (b.hasRemaining()) {
                if (ch.read(b, at + b.position()) < 0) {
                    throw new BadInputException(file + ": unexpected end of file at byte " + (at + b.position()));
                }
            }
            return b.array();
        }
    }
}
