package io.avreplay.replay.mcap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** A growable little-endian byte buffer for MCAP record contents. Not thread-safe. */
final class RecordBuilder {
    private byte[] buf;
    private int len;

    RecordBuilder(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int length() {
        return len;
    }

    byte[] array() {
        return buf;
    }

    void reset() {
        len = 0;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    RecordBuilder u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    RecordBuilder u16(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        return this;
    }

    RecordBuilder u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    RecordBuilder u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    RecordBuilder raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    RecordBuilder raw(byte[] b) {
        return raw(b, 0, b.length);
    }

    RecordBuilder string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u32(b.length).raw(b);
    }

    RecordBuilder prefixed(byte[] b) {
        return u32(b.length).raw(b);
    }

    RecordBuilder stringMap(Map<String, String> m) {
        RecordBuilder inner = new RecordBuilder(64);
        new java.util.TreeMap<>(m).forEach((k, v) -> inner.string(k).string(v));
        return u32(inner.len).raw(inner.buf, 0, inner.len);
    }

    RecordBuilder u16u64Map(Map<Integer, Long> m) {
        u32(m.size() * 10L);
        new java.util.TreeMap<>(m).forEach((k, v) -> u16(k).u64(v));
        return this;
    }

    /** Appends a whole record: opcode, content length and the content of {@code content}. */
    RecordBuilder record(int opcode, RecordBuilder content) {
        u8(opcode).u64(content.len);
        return raw(content.buf, 0, content.len);
    }
}
