package io.avreplay.replay.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads MCAP primitives (little-endian integers, uint32-prefixed strings, byte arrays and maps) from
 * a byte range (heap or direct memory), throwing {@link Malformed} instead of reading past its end. Not
 * thread-safe.
 */
final class Cursor {
    /** A record's content is shorter than its fields need, or a length prefix is impossible. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private final ByteBuffer buf;

    /** Reads {@code b} from its position to its limit (the view is independent of {@code b}). */
    Cursor(ByteBuffer b) {
        this.buf = b.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    Cursor(byte[] b, int offset, int length) {
        this.buf = ByteBuffer.wrap(b, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    int position() {
        return buf.position();
    }

    int remaining() {
        return buf.remaining();
    }

    private void need(int n, String field) {
        if (n < 0 || buf.remaining() < n) {
            throw new Malformed(field + " needs " + n + " bytes, " + buf.remaining() + " left");
        }
    }

    int u8(String field) {
        need(1, field);
        return buf.get() & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        return buf.getShort() & 0xFFFF;
    }

    long u32(String field) {
        need(4, field);
        return buf.getInt() & 0xFFFFFFFFL;
    }

    long u64(String field) {
        need(8, field);
        return buf.getLong();
    }

    /** A uint64 that must fit an int (a length or an offset inside a record). */
    int length64(String field) {
        long v = u64(field);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new Malformed(field + " " + Long.toUnsignedString(v) + " is out of range");
        }
        return (int) v;
    }

    private int length32(String field) {
        long v = u32(field);
        if (v > buf.remaining()) {
            throw new Malformed(field + " length " + v + " exceeds the " + buf.remaining() + " bytes left");
        }
        return (int) v;
    }

    String string(String field) {
        int n = length32(field);
        String s;
        if (buf.hasArray()) {
            s = new String(buf.array(), buf.arrayOffset() + buf.position(), n, StandardCharsets.UTF_8);
        } else {
            byte[] b = new byte[n];
            buf.get(buf.position(), b);
            s = new String(b, StandardCharsets.UTF_8);
        }
        buf.position(buf.position() + n);
        return s;
    }

    byte[] bytes(int n, String field) {
        need(n, field);
        byte[] out = new byte[n];
        buf.get(out);
        return out;
    }

    /**
     * The next {@code n} bytes as a view sharing this cursor's memory (position 0, limit {@code n}, big-endian
     * as every new buffer); this cursor moves past them.
     */
    ByteBuffer view(int n, String field) {
        need(n, field);
        ByteBuffer v = buf.slice(buf.position(), n);
        buf.position(buf.position() + n);
        return v;
    }

    /** uint32-prefixed bytes. */
    byte[] prefixedBytes(String field) {
        return bytes(length32(field), field);
    }

    /** The rest of the range. */
    byte[] rest() {
        return bytes(buf.remaining(), "rest");
    }

    Map<String, String> stringMap(String field) {
        int n = length32(field);
        Cursor inner = sub(n);
        Map<String, String> m = new LinkedHashMap<>();
        while (inner.remaining() > 0) {
            m.put(inner.string(field + " key"), inner.string(field + " value"));
        }
        return m;
    }

    /** A uint32-prefixed map of uint16 to uint64 (chunk index message-index offsets). */
    Map<Integer, Long> u16u64Map(String field) {
        int n = length32(field);
        Cursor inner = sub(n);
        Map<Integer, Long> m = new LinkedHashMap<>();
        while (inner.remaining() > 0) {
            m.put(inner.u16(field + " key"), inner.u64(field + " value"));
        }
        return m;
    }

    /** Counts the entries of a uint32-prefixed array of {@code entryBytes}-byte entries and skips it. */
    int skipArray(String field, int entryBytes) {
        int n = length32(field);
        if (n % entryBytes != 0) {
            throw new Malformed(field + " length " + n + " is not a multiple of " + entryBytes);
        }
        buf.position(buf.position() + n);
        return n / entryBytes;
    }

    /** A cursor over the next {@code n} bytes; this cursor moves past them. */
    Cursor sub(int n) {
        need(n, "nested range");
        ByteBuffer s = buf.slice();
        s.limit(n);
        buf.position(buf.position() + n);
        return new Cursor(s);
    }
}
