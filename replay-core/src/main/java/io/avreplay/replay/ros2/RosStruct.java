package io.avreplay.replay.ros2;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A decoded ROS 2 message. Field values: integers as {@link Long}, floats as {@link Double}, {@code bool}
 * as {@link Boolean}, strings as {@link String}, nested messages as {@code RosStruct}; arrays of
 * {@code uint8/int8/byte/char} as a read-only {@link ByteBuffer} view of the decoded payload (from
 * {@link Ros2Codec}; valid as long as the payload's memory is) or a {@code byte[]} (built by hand or from
 * JSON), read through {@link #bytes} (a copy of a view) or {@link #byteView} (never a copy), of {@code bool} as {@code boolean[]}, of {@code float32}
 * as {@code float[]}, of {@code float64} as {@code double[]}, of other integers as {@code long[]}, of
 * strings as {@code List<String>} and of messages as {@code List<RosStruct>}. The arrays are owned by
 * the struct; callers must not mutate them.
 *
 * @param type   full type name {@code pkg/Type}
 * @param fields values by field name, in definition order
 */
public record RosStruct(String type, Map<String, Object> fields) {
    public RosStruct {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fields, "fields");
    }

    private Object get(String name) {
        Object v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException(type + ": no field '" + name + "' (has " + fields.keySet() + ")");
        }
        return v;
    }

    private <T> T as(String name, Class<T> c) {
        Object v = get(name);
        if (!c.isInstance(v)) {
            throw new IllegalArgumentException(type + "." + name + ": expected " + c.getSimpleName() + ", got "
                    + v.getClass().getSimpleName());
        }
        return c.cast(v);
    }

    /** @return whether the message has the field */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A nested-message field. @throws IllegalArgumentException when missing or of another kind */
    public RosStruct struct(String name) {
        return as(name, RosStruct.class);
    }

    /** A numeric field (integer or float) as a double. */
    public double number(String name) {
        return as(name, Number.class).doubleValue();
    }

    /** An integer field. */
    public long integer(String name) {
        return as(name, Number.class).longValue();
    }

    /** A {@code bool} field. */
    public boolean bool(String name) {
        return as(name, Boolean.class);
    }

    /** A {@code string} field. */
    public String string(String name) {
        return as(name, String.class);
    }

    /** A {@code uint8[]}, {@code int8[]}, {@code byte[]} or {@code char[]} field, as an array the caller may keep. */
    public byte[] bytes(String name) {
        Object v = get(name);
        if (v instanceof ByteBuffer view) {
            byte[] copy = new byte[view.remaining()];
            view.get(view.position(), copy);
            return copy;
        }
        return as(name, byte[].class);
    }

    /**
     * A {@code uint8[]}-like field without a copy: a read-only view from position 0, valid as long as the
     * decoded payload's memory is (for the importer: during the reader's callback).
     */
    public ByteBuffer byteView(String name) {
        Object v = get(name);
        if (v instanceof ByteBuffer view) {
            return view.duplicate();
        }
        return ByteBuffer.wrap(as(name, byte[].class)).asReadOnlyBuffer();
    }

    /** A numeric array field of any element type, widened to doubles (a copy). */
    public double[] doubles(String name) {
        Object v = get(name);
        if (v instanceof double[] d) {
            return d.clone();
        }
        if (v instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        if (v instanceof long[] l) {
            double[] d = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                d[i] = l[i];
            }
            return d;
        }
        if (v instanceof ByteBuffer view) {
            v = bytes(name);
        }
        if (v instanceof byte[] b) {
            double[] d = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                d[i] = b[i] & 0xFF;
            }
            return d;
        }
        throw new IllegalArgumentException(type + "." + name + ": expected a numeric array, got " + v.getClass().getSimpleName());
    }

    /** An array-of-messages field. */
    @SuppressWarnings("unchecked")
    public List<RosStruct> structs(String name) {
        List<?> l = as(name, List.class);
        for (Object o : l) {
            if (!(o instanceof RosStruct)) {
                throw new IllegalArgumentException(type + "." + name + ": expected messages, got " + o.getClass().getSimpleName());
            }
        }
        return (List<RosStruct>) l;
    }

    /** A {@code builtin_interfaces/Time} field as nanoseconds: {@code sec × 10⁹ + nanosec}. */
    public long timeNs(String name) {
        RosStruct t = struct(name);
        return t.integer("sec") * 1_000_000_000L + t.integer("nanosec");
    }
}
