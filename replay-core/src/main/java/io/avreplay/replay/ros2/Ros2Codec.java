package io.avreplay.replay.ros2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes and encodes ROS 2 CDR payloads (XCDR1 plain encapsulation, as rosbag2 records them) from a
 * {@link Ros2Schema}. Stateless and thread-safe.
 */
public final class Ros2Codec {
    private Ros2Codec() {
    }

    /**
     * @param data the payload: a 4-byte encapsulation header ({@code 00 00} big-endian, {@code 00 01}
     *             little-endian, then 2 option bytes), then the message
     * @return the message
     * @throws IllegalArgumentException when the header is unknown or the payload ends early (naming the
     *                                  field and the byte offset)
     */
    public static RosStruct decode(Ros2Schema schema, byte[] data) {
        return decode(schema, ByteBuffer.wrap(data));
    }

    /**
     * Decodes in place: {@code uint8[]}-like arrays of the result are read-only views of {@code payload}
     * (no copy), so they are valid as long as its memory is (see {@link RosStruct#byteView}).
     *
     * @param payload from its position to its limit, as for {@link #decode(Ros2Schema, byte[])}; its position
     *                does not move
     */
    public static RosStruct decode(Ros2Schema schema, ByteBuffer payload) {
        int n = payload.remaining();
        int p = payload.position();
        int e0 = n > 0 ? payload.get(p) : -1;
        int e1 = n > 1 ? payload.get(p + 1) : -1;
        if (n < 4 || e0 != 0 || (e1 != 0 && e1 != 1)) {
            throw new IllegalArgumentException(schema.rootType() + ": CDR encapsulation header must be 00 00 or 00 01, got "
                    + (n < 2 ? "a " + n + "-byte payload" : String.format("%02X %02X", e0 & 0xFF, e1 & 0xFF)));
        }
        ByteBuffer b = payload.slice().order(e1 == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.position(4);
        In in = new In(b, schema);
        try {
            return in.struct(schema.rootType());
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(schema.rootType() + ": payload of " + n
                    + " bytes ends inside field " + in.field + " at byte " + b.position());
        }
    }

    /** Encodes {@code message} (fields as {@link RosStruct} documents them) with the given byte order. */
    public static byte[] encode(Ros2Schema schema, RosStruct message, boolean littleEndian) {
        CdrOut out = new CdrOut(littleEndian);
        new Out(schema, out).struct(schema.rootType(), message);
        return out.toByteArray();
    }

    private static final class In {
        private final ByteBuffer b;
        private final Ros2Schema schema;
        String field = "";

        In(ByteBuffer b, Ros2Schema schema) {
            this.b = b;
            this.schema = schema;
        }

        private void align(int n) {
            int rel = b.position() - 4;
            int pad = (n - rel % n) % n;
            b.position(b.position() + pad);
        }

        RosStruct struct(String type) {
            List<Ros2Field> fields = schema.fields(type);
            Map<String, Object> values = new LinkedHashMap<>();
            if (fields.isEmpty()) {
                b.get(); // an empty message is encoded as one placeholder byte
            }
            for (Ros2Field f : fields) {
                field = type + "." + f.name();
                values.put(f.name(), value(f));
            }
            return new RosStruct(type, values);
        }

        private Object value(Ros2Field f) {
            if (f.array() == Ros2Field.ArrayKind.NONE) {
                return f.primitive() ? primitive(f.baseType()) : struct(f.baseType());
            }
            int n;
            if (f.array() == Ros2Field.ArrayKind.FIXED) {
                n = f.arrayLength();
            } else {
                align(4);
                n = b.getInt();
            }
            if (n < 0 || n > b.remaining() && !f.baseType().equals("string")) {
                throw new IllegalArgumentException(schema.rootType() + ": field " + field + " declares " + Integer.toUnsignedString(n)
                        + " elements, only " + b.remaining() + " bytes left");
            }
            if (!f.primitive()) {
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(struct(f.baseType()));
                }
                return l;
            }
            return primitiveArray(f.baseType(), n);
        }

        private Object primitiveArray(String t, int n) {
            switch (t) {
                case "uint8", "int8", "byte", "char" -> {
                    ByteBuffer a = b.slice(b.position(), n).asReadOnlyBuffer();
                    b.position(b.position() + n);
                    return a;
                }
                case "bool" -> {
                    boolean[] a = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = b.get() != 0;
                    }
                    return a;
                }
                case "float32" -> {
                    align(4);
                    float[] a = new float[n];
                    b.asFloatBuffer().get(a);
                    b.position(b.position() + 4 * n);
                    return a;
                }
                case "float64" -> {
                    align(8);
                    double[] a = new double[n];
                    b.asDoubleBuffer().get(a);
                    b.position(b.position() + 8 * n);
                    return a;
                }
                case "string", "wstring" -> {
                    List<String> l = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        l.add((String) primitive(t));
                    }
                    return l;
                }
                default -> {
                    long[] a = new long[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = ((Number) primitive(t)).longValue();
                    }
                    return a;
                }
            }
        }

        private Object primitive(String t) {
            switch (t) {
                case "bool":
                    return b.get() != 0;
                case "int8", "byte", "char":
                    return (long) (t.equals("int8") ? b.get() : b.get() & 0xFF);
                case "uint8":
                    return (long) (b.get() & 0xFF);
                case "int16":
                    align(2);
                    return (long) b.getShort();
                case "uint16":
                    align(2);
                    return (long) (b.getShort() & 0xFFFF);
                case "int32":
                    align(4);
                    return (long) b.getInt();
                case "uint32":
                    align(4);
                    return b.getInt() & 0xFFFFFFFFL;
                case "int64", "uint64":
                    align(8);
                    return b.getLong();
                case "float32":
                    align(4);
                    return (double) b.getFloat();
                case "float64":
                    align(8);
                    return b.getDouble();
                case "string":
                    return string();
                default:
                    throw new IllegalArgumentException(schema.rootType() + ": field " + field + " of type " + t
                            + " is not supported");
            }
        }

        private String string() {
            align(4);
            int len = b.getInt();
            if (len < 0 || len > b.remaining()) {
                throw new IllegalArgumentException(schema.rootType() + ": string field " + field + " declares "
                        + Integer.toUnsignedString(len) + " bytes, only " + b.remaining() + " left");
            }
            int textLen = len > 0 && b.get(b.position() + len - 1) == 0 ? len - 1 : len;
            byte[] text = new byte[textLen];
            b.get(b.position(), text);
            String s = new String(text, java.nio.charset.StandardCharsets.UTF_8);
            b.position(b.position() + len);
            return s;
        }
    }

    private record Out(Ros2Schema schema, CdrOut out) {
        void struct(String type, RosStruct v) {
            List<Ros2Field> fields = schema.fields(type);
            if (fields.isEmpty()) {
                out.u8(0);
            }
            for (Ros2Field f : fields) {
                Object x = v.fields().get(f.name());
                if (x == null) {
                    throw new IllegalArgumentException(type + ": no value for field " + f.name());
                }
                value(f, x);
            }
        }

        private void value(Ros2Field f, Object x) {
            if (f.array() == Ros2Field.ArrayKind.NONE) {
                if (f.primitive()) {
                    out.primitive(f.baseType(), x);
                } else {
                    struct(f.baseType(), (RosStruct) x);
                }
                return;
            }
            if (x instanceof ByteBuffer view) {
                byte[] copy = new byte[view.remaining()];
                view.get(view.position(), copy);
                x = copy;
            }
            int n = x instanceof List<?> l ? l.size() : java.lang.reflect.Array.getLength(x);
            if (f.array() == Ros2Field.ArrayKind.FIXED && n != f.arrayLength()) {
                throw new IllegalArgumentException(f.name() + ": fixed array needs " + f.arrayLength() + " elements, got " + n);
            }
            if (f.array() == Ros2Field.ArrayKind.SEQUENCE) {
                out.primitive("uint32", (long) n);
            }
            if (x instanceof byte[] bytes) {
                out.bytes(bytes);
                return;
            }
            for (int i = 0; i < n; i++) {
                Object e = x instanceof List<?> l ? l.get(i) : java.lang.reflect.Array.get(x, i);
                if (f.primitive()) {
                    out.primitive(f.baseType(), e);
                } else {
                    struct(f.baseType(), (RosStruct) e);
                }
            }
        }
    }
}
