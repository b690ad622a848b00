package io.avreplay.replay.ros2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A CDR byte sink with the encapsulation header and alignment from its end. Not thread-safe. */
final class CdrOut {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    private final boolean little;

    CdrOut(boolean littleEndian) {
        this.little = littleEndian;
        buf.write(0);
        buf.write(littleEndian ? 1 : 0);
        buf.write(0);
        buf.write(0);
    }

    byte[] toByteArray() {
        return buf.toByteArray();
    }

    private void align(int n) {
        while ((buf.size() - 4) % n != 0) {
            buf.write(0);
        }
    }

    void u8(int v) {
        buf.write(v);
    }

    void bytes(byte[] b) {
        buf.write(b, 0, b.length);
    }

    private void le(long v, int n) {
        align(n);
        for (int i = 0; i < n; i++) {
            int shift = little ? 8 * i : 8 * (n - 1 - i);
            buf.write((int) (v >>> shift));
        }
    }

    void primitive(String t, Object v) {
        switch (t) {
            case "bool" -> u8(((Boolean) v) ? 1 : 0);
            case "int8", "uint8", "byte", "char" -> u8(((Number) v).intValue());
            case "int16", "uint16" -> le(((Number) v).longValue(), 2);
            case "int32", "uint32" -> le(((Number) v).longValue(), 4);
            case "int64", "uint64" -> le(((Number) v).longValue(), 8);
            case "float32" -> le(Float.floatToRawIntBits(((Number) v).floatValue()), 4);
            case "float64" -> le(Double.doubleToRawLongBits(((Number) v).doubleValue()), 8);
            case "string" -> {
                byte[] s = ((String) v).getBytes(StandardCharsets.UTF_8);
                le(s.length + 1, 4);
                bytes(s);
                u8(0);
            }
            default -> throw new IllegalArgumentException("cannot encode type " + t);
        }
    }
}
