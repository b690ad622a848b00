package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.arrow.LidarColumns;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.ros2.RosStruct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * {@code sensor_msgs/msg/PointCloud2} to a lidar sweep: any field layout (offsets within
 * {@code point_step}, padding, {@code row_step} per row), the eight PointField datatypes, either byte
 * order. x, y, z are required; intensity comes from {@code intensity} (or {@code i}, {@code reflectivity}),
 * the ring from {@code ring} (or {@code channel}, {@code ring_id}, clamped to 0..255) and the per-point
 * time from {@code time}/{@code t}/{@code timestamp}/{@code time_stamp}/{@code offset_ns}: floats are seconds (relative to the
 * header stamp, or absolute when larger than 10⁶ s), integers nanoseconds. Points with a non-finite
 * coordinate are dropped.
 *
 * <p>Two steps: {@link #parse} checks the layout against the data (cheap, per message) and
 * {@link Cloud#decodeInto} reads every point in one pass, in place through the payload view (no copy), into
 * {@link LidarColumns} that the log writer then writes without a copy either. Stateless.
 */
final class PointCloudDecoder {
    private static final int INT8 = 1;
    private static final int UINT8 = 2;
    private static final int INT16 = 3;
    private static final int UINT16 = 4;
    private static final int INT32 = 5;
    private static final int UINT32 = 6;
    private static final int FLOAT32 = 7;
    private static final int FLOAT64 = 8;
    /** Bytes of each datatype, indexed by datatype. */
    private static final int[] SIZE = {0, 1, 1, 2, 2, 4, 4, 4, 8};

    private record Field(String name, int offset, int datatype) {
        boolean isFloat() {
            return datatype == FLOAT32 || datatype == FLOAT64;
        }
    }

    /**
     * Where the points are: {@code height} rows of {@code width} points, {@code step} bytes apart, in
     * {@code data} from byte 0.
     */
    private record Layout(ByteBuffer data, int width, int height, int step, int rowStep) {
        int n() {
            return width * height;
        }
    }

    /**
     * A checked cloud, ready to decode: its layout and the fields found (optional ones null). Holds the
     * message's payload view, so it must be decoded while that view is valid.
     */
    static final class Cloud {
        private final Layout l;
        private final Field x;
        private final Field y;
        private final Field z;
        private final Field intensity;
        private final Field ring;
        private final Time time;

        private Cloud(Layout l, Field x, Field y, Field z, Field intensity, Field ring, Time time) {
            this.l = l;
            this.x = x;
            this.y = y;
            this.z = z;
            this.intensity = intensity;
            this.ring = ring;
            this.time = time;
        }

        /** @return the points in the cloud ({@code width × height}), before non-finite ones are dropped */
        int points() {
            return l.n();
        }

        /**
         * Decodes every point into the front of {@code c} (which must hold {@link #points()}); columns no field
         * fills are zeroed (recycled columns hold the last sweep's values).
         *
         * @return the points kept (those with finite coordinates), at indices {@code 0..kept-1}
         */
        int decodeInto(LidarColumns c) {
            int n = l.n();
            if (c.capacity() < n) {
                throw new IllegalArgumentException("columns hold " + c.capacity() + " points, the cloud has " + n);
            }
            if (intensity == null) {
                zero(c.intensity(), 4 * n);
            }
            if (ring == null) {
                zero(c.ring(), n);
            }
            if (time == null) {
                zero(c.offsetNs(), 4 * n);
            }
            return rows(l, x, y, z, intensity, ring, time, c);
        }
    }

    private PointCloudDecoder() {
    }

    /**
     * @param stampNs the header stamp (the sweep's reference time), ns
     * @throws IllegalArgumentException when the layout does not fit the data or x, y or z is missing
     */
    static Cloud parse(RosStruct m, long stampNs) {
        Map<String, Field> fields = new HashMap<>();
        for (RosStruct f : m.structs("fields")) {
            String name = f.string("name");
            fields.put(name, new Field(name, (int) f.integer("offset"), (int) f.integer("datatype")));
        }
        Layout l = layout(m, fields);
        Time time = Time.of(l, first(fields, List.of("time", "t", "timestamp", "time_stamp", "offset_ns")), stampNs);
        return new Cloud(l, require(fields, "x"), require(fields, "y"), require(fields, "z"),
                first(fields, List.of("intensity", "i", "reflectivity")), first(fields, List.of("ring", "channel", "ring_id")),
                time);
    }

    /** {@link #parse} and {@link Cloud#decodeInto} into new memory, as an owned sweep (a copy; for tests and small clouds). */
    static LidarSweep decode(RosStruct m, String sensorId, long stampNs) {
        Cloud cloud = parse(m, stampNs);
        try (BufferAllocator allocator = new RootAllocator();
             LidarColumns c = LidarColumns.allocate(allocator, cloud.points())) {
            int kept = cloud.decodeInto(c);
            return c.view(sensorId, stampNs, kept).toSweep();
        }
    }

    /**
     * A per-point time field as offsets from the stamp: {@code value × scale − bias} rounded half-even (the
     * int cast saturates beyond ±2.1 s). Floats are seconds, integers nanoseconds; absolute (the bias is the
     * stamp) when the first value is beyond 10⁶ s. Decided once per cloud.
     */
    private record Time(Field field, double scale, double bias) {
        static Time of(Layout l, Field f, long stampNs) {
            if (f == null || l.n() == 0) {
                return null;
            }
            double first = read(l, f.offset, f.datatype);
            boolean absolute = f.isFloat() ? first > 1e6 : first > 1e15;
            return new Time(f, f.isFloat() ? 1e9 : 1, absolute ? stampNs : 0);
        }
    }

    /**
     * One pass over the points, row by row (each point's bytes are read while in cache); optional fields are
     * null. Points with a non-finite coordinate are left out; a non-finite intensity reads as 0.
     *
     * @return the points kept, at the front of the columns
     */
    private static int rows(Layout l, Field x, Field y, Field z, Field intensity, Field ring, Time time, LidarColumns c) {
        if (x.datatype == FLOAT32 && y.datatype == FLOAT32 && z.datatype == FLOAT32
                && (intensity == null || intensity.datatype == FLOAT32) && (time == null || time.field.datatype == FLOAT32)
                && (ring == null || ring.datatype == UINT16 || ring.datatype == UINT8)) {
            return floatRows(l, x.offset, y.offset, z.offset, intensity == null ? -1 : intensity.offset,
                    ring == null ? -1 : ring.offset, ring != null && ring.datatype == UINT16,
                    time == null ? -1 : time.field.offset, time == null ? 0 : time.scale, time == null ? 0 : time.bias, c);
        }
        ByteBuffer xs = c.x();
        ByteBuffer ys = c.y();
        ByteBuffer zs = c.z();
        int k = 0;
        for (int r = 0; r < l.height(); r++) {
            for (int col = 0, base = r * l.rowStep(); col < l.width(); col++, base += l.step()) {
                float px = f32(l, base, x);
                float py = f32(l, base, y);
                float pz = f32(l, base, z);
                if (!Float.isFinite(px) || !Float.isFinite(py) || !Float.isFinite(pz)) {
                    continue;
                }
                xs.putFloat(4 * k, px);
                ys.putFloat(4 * k, py);
                zs.putFloat(4 * k, pz);
                if (intensity != null) {
                    float v = f32(l, base, intensity);
                    c.intensity().putFloat(4 * k, Float.isFinite(v) ? v : 0f);
                }
                if (ring != null) {
                    c.ring().put(k, (byte) Math.max(0, Math.min(255, (long) read(l, base + ring.offset, ring.datatype))));
                }
                if (time != null) {
                    c.offsetNs().putInt(4 * k, (int) Math.rint(f64(l, base, time.field) * time.scale - time.bias));
                }
                k++;
            }
        }
        return k;
    }

    /**
     * {@link #rows} for the usual layout, float32 coordinates, intensity and time and an 8- or
     * 16-bit ring, with everything the loop reads in locals (an absent field's offset is -1). Every point is
     * stored at its own index; non-finite ones are squeezed out afterwards, in the rare cloud that has them.
     */
    private static int floatRows(Layout l, int xo, int yo, int zo, int io, int ro, boolean ring16, int to, double scale,
            double bias, LidarColumns c) {
        ByteBuffer b = l.data();
        boolean contiguous = l.rowStep() == l.width() * l.step();
        int rows = contiguous ? 1 : l.height();
        int width = contiguous ? l.n() : l.width();
        int step = l.step();
        ByteBuffer xs = c.x();
        ByteBuffer ys = c.y();
        ByteBuffer zs = c.z();
        ByteBuffer is = c.intensity();
        ByteBuffer rs = c.ring();
        ByteBuffer ts = c.offsetNs();
        boolean allFinite = true;
        for (int r = 0; r < rows; r++) {
            int base = r * l.rowStep();
            for (int i = r * width, end = i + width; i < end; i++, base += step) {
                float px = b.getFloat(base + xo);
                float py = b.getFloat(base + yo);
                float pz = b.getFloat(base + zo);
                int at = i << 2;
                xs.putFloat(at, px);
                ys.putFloat(at, py);
                zs.putFloat(at, pz);
                allFinite &= Float.isFinite(px) & Float.isFinite(py) & Float.isFinite(pz);
                if (io >= 0) {
                    float v = b.getFloat(base + io);
                    is.putFloat(at, Float.isFinite(v) ? v : 0f);
                }
                if (ro >= 0) {
                    rs.put(i, ring16 ? (byte) Math.min(255, b.getShort(base + ro) & 0xFFFF) : b.get(base + ro));
                }
                if (to >= 0) {
                    ts.putInt(at, (int) Math.rint(b.getFloat(base + to) * scale - bias));
                }
            }
        }
        return allFinite ? l.n() : squeeze(c, l.n());
    }

    /** Moves the points with finite coordinates to the front. @return how many there are */
    private static int squeeze(LidarColumns c, int n) {
        ByteBuffer xs = c.x();
        ByteBuffer ys = c.y();
        ByteBuffer zs = c.z();
        int k = 0;
        for (int i = 0; i < n; i++) {
            int at = 4 * i;
            if (Float.isFinite(xs.getFloat(at)) && Float.isFinite(ys.getFloat(at)) && Float.isFinite(zs.getFloat(at))) {
                int to = 4 * k;
                xs.putFloat(to, xs.getFloat(at));
                ys.putFloat(to, ys.getFloat(at));
                zs.putFloat(to, zs.getFloat(at));
                c.intensity().putFloat(to, c.intensity().getFloat(at));
                c.ring().put(k, c.ring().get(i));
                c.offsetNs().putInt(to, c.offsetNs().getInt(at));
                k++;
            }
        }
        return k;
    }

    private static final byte[] ZEROS = new byte[64 << 10];

    private static void zero(ByteBuffer b, int bytes) {
        for (int at = 0; at < bytes; at += ZEROS.length) {
            b.put(at, ZEROS, 0, Math.min(ZEROS.length, bytes - at));
        }
    }

    private static float f32(Layout l, int base, Field f) {
        return (float) read(l, base + f.offset, f.datatype);
    }

    private static double f64(Layout l, int base, Field f) {
        return read(l, base + f.offset, f.datatype);
    }

    private static Layout layout(RosStruct m, Map<String, Field> fields) {
        long width = m.integer("width");
        long height = m.integer("height");
        long step = m.integer("point_step");
        long rowStep = m.integer("row_step");
        ByteBuffer data = m.byteView("data").slice()
                .order(m.bool("is_bigendian") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (width < 0 || height < 0 || step < 0 || rowStep < 0 || width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("PointCloud2: width " + width + ", height " + height + ", point_step " + step
                    + ", row_step " + rowStep + " (expected non-negative, under 2^31 points)");
        }
        if (height > 0 && width > 0 && (height - 1) * rowStep + width * step > data.remaining()) {
            throw new IllegalArgumentException("PointCloud2: " + width + "x" + height + " points of " + step
                    + " bytes (row_step " + rowStep + ") need more than the " + data.remaining() + " data bytes");
        }
        for (Field f : fields.values()) {
            if (f.datatype < INT8 || f.datatype > FLOAT64) {
                throw new IllegalArgumentException("PointCloud2 field " + f.name + ": datatype must be 1..8, got " + f.datatype);
            }
            if (width > 0 && height > 0 && (f.offset < 0 || f.offset + SIZE[f.datatype] > step)) {
                throw new IllegalArgumentException("PointCloud2 field " + f.name + ": offset " + f.offset + " with "
                        + SIZE[f.datatype] + " bytes does not fit point_step " + step);
            }
        }
        return new Layout(data, (int) width, (int) height, (int) step, (int) rowStep);
    }

    private static Field require(Map<String, Field> fields, String name) {
        Field f = fields.get(name);
        if (f == null) {
            throw new IllegalArgumentException("PointCloud2 has no '" + name + "' field (fields: " + fields.keySet() + ")");
        }
        return f;
    }

    private static Field first(Map<String, Field> fields, List<String> names) {
        for (String n : names) {
            if (fields.containsKey(n)) {
                return fields.get(n);
            }
        }
        return null;
    }

    private static double read(Layout l, int at, int datatype) {
        ByteBuffer b = l.data();
        return switch (datatype) {
            case INT8 -> b.get(at);
            case UINT8 -> b.get(at) & 0xFF;
            case INT16 -> b.getShort(at);
            case UINT16 -> b.getShort(at) & 0xFFFF;
            case INT32 -> b.getInt(at);
            case UINT32 -> b.getInt(at) & 0xFFFFFFFFL;
            case FLOAT32 -> b.getFloat(at);
            default -> b.getDouble(at);
        };
    }
}
