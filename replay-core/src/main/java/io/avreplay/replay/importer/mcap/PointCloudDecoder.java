package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.ros2.RosStruct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sensor_msgs/msg/PointCloud2} to a {@link LidarSweep}: any field layout (offsets within
 * {@code point_step}, padding, {@code row_step} per row), the eight PointField datatypes, either byte
 * order. x, y, z are required; intensity comes from {@code intensity} (or {@code i}, {@code reflectivity}),
 * the ring from {@code ring} (or {@code channel}, {@code ring_id}, clamped to 0..255) and the per-point
 * time from {@code time}/{@code t}/{@code timestamp}/{@code time_stamp}/{@code offset_ns}: floats are seconds (relative to the
 * header stamp, or absolute when larger than 10⁶ s), integers nanoseconds. Points with a non-finite
 * coordinate are dropped.
 *
 * <p>Reads the cloud's bytes in place, through the payload view (no copy), every point in one pass, into arrays
 * from a {@link SweepArrays} pool. Stateless.
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

    private PointCloudDecoder() {
    }

    /** As {@link #decode(RosStruct, String, long, SweepArrays)}, into new arrays. */
    static LidarSweep decode(RosStruct m, String sensorId, long stampNs) {
        return decode(m, sensorId, stampNs, SweepArrays.none());
    }

    /**
     * @param stampNs the header stamp (the sweep's reference time), ns
     * @param arrays where the sweep's arrays come from (recycled ones are overwritten entirely)
     */
    static LidarSweep decode(RosStruct m, String sensorId, long stampNs, SweepArrays arrays) {
        Map<String, Field> fields = new HashMap<>();
        for (RosStruct f : m.structs("fields")) {
            String name = f.string("name");
            fields.put(name, new Field(name, (int) f.integer("offset"), (int) f.integer("datatype")));
        }
        Layout l = layout(m, fields);
        Time time = Time.of(l, first(fields, List.of("time", "t", "timestamp", "time_stamp", "offset_ns")), stampNs);
        Field x = require(fields, "x");
        Field y = require(fields, "y");
        Field z = require(fields, "z");
        Field intensity = first(fields, List.of("intensity", "i", "reflectivity"));
        Field ring = first(fields, List.of("ring", "channel", "ring_id"));
        SweepArrays.Set c = arrays.take(l.n());
        // a recycled set holds the last sweep's values: zero the columns no field fills
        if (intensity == null) {
            Arrays.fill(c.is(), 0f);
        }
        if (ring == null) {
            Arrays.fill(c.rs(), (byte) 0);
        }
        if (time == null) {
            Arrays.fill(c.ts(), 0);
        }
        int kept = rows(l, x, y, z, intensity, ring, time, c);
        if (kept == l.n()) {
            // every point finite (the usual dense cloud): hand the arrays over, no copies
            return new LidarSweep(sensorId, stampNs, c.xs(), c.ys(), c.zs(), c.is(), c.rs(), c.ts());
        }
        return new LidarSweep(sensorId, stampNs, Arrays.copyOf(c.xs(), kept), Arrays.copyOf(c.ys(), kept),
                Arrays.copyOf(c.zs(), kept), Arrays.copyOf(c.is(), kept), Arrays.copyOf(c.rs(), kept), Arrays.copyOf(c.ts(), kept));
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
    private static int rows(Layout l, Field x, Field y, Field z, Field intensity, Field ring, Time time, SweepArrays.Set c) {
        if (x.datatype == FLOAT32 && y.datatype == FLOAT32 && z.datatype == FLOAT32
                && (intensity == null || intensity.datatype == FLOAT32) && (time == null || time.field.datatype == FLOAT32)
                && (ring == null || ring.datatype == UINT16 || ring.datatype == UINT8)) {
            return floatRows(l, x.offset, y.offset, z.offset, intensity == null ? -1 : intensity.offset,
                    ring == null ? -1 : ring.offset, ring != null && ring.datatype == UINT16,
                    time == null ? -1 : time.field.offset, time == null ? 0 : time.scale, time == null ? 0 : time.bias, c);
        }
        int k = 0;
        for (int r = 0; r < l.height(); r++) {
            for (int col = 0, base = r * l.rowStep(); col < l.width(); col++, base += l.step()) {
                float px = f32(l, base, x);
                float py = f32(l, base, y);
                float pz = f32(l, base, z);
                if (!Float.isFinite(px) || !Float.isFinite(py) || !Float.isFinite(pz)) {
                    continue;
                }
                c.xs()[k] = px;
                c.ys()[k] = py;
                c.zs()[k] = pz;
                if (intensity != null) {
                    float v = f32(l, base, intensity);
                    c.is()[k] = Float.isFinite(v) ? v : 0f;
                }
                if (ring != null) {
                    c.rs()[k] = (byte) Math.max(0, Math.min(255, (long) read(l, base + ring.offset, ring.datatype)));
                }
                if (time != null) {
                    c.ts()[k] = (int) Math.rint(f64(l, base, time.field) * time.scale - time.bias);
                }
                k++;
            }
        }
        return k;
    }

    /**
     * {@link #rows} for the usual layout, float32 coordinates, intensity and time and an 8- or
     * 16-bit ring, with everything the loop reads in locals (an absent field's offset is -1). Every point is
     * stored at its own index (so the JIT can drop the array range checks); non-finite ones are squeezed out
     * afterwards, in the rare cloud that has them.
     */
    private static int floatRows(Layout l, int xo, int yo, int zo, int io, int ro, boolean ring16, int to, double scale,
            double bias, SweepArrays.Set c) {
        ByteBuffer b = l.data();
        boolean contiguous = l.rowStep() == l.width() * l.step();
        int rows = contiguous ? 1 : l.height();
        int width = contiguous ? l.n() : l.width();
        int step = l.step();
        float[] xs = c.xs();
        float[] ys = c.ys();
        float[] zs = c.zs();
        float[] is = c.is();
        byte[] rs = c.rs();
        int[] ts = c.ts();
        boolean allFinite = true;
        for (int r = 0; r < rows; r++) {
            int base = r * l.rowStep();
            for (int i = r * width, end = i + width; i < end; i++, base += step) {
                float px = b.getFloat(base + xo);
                float py = b.getFloat(base + yo);
                float pz = b.getFloat(base + zo);
                xs[i] = px;
                ys[i] = py;
                zs[i] = pz;
                allFinite &= Float.isFinite(px) & Float.isFinite(py) & Float.isFinite(pz);
                if (io >= 0) {
                    float v = b.getFloat(base + io);
                    is[i] = Float.isFinite(v) ? v : 0f;
                }
                if (ro >= 0) {
                    rs[i] = ring16 ? (byte) Math.min(255, b.getShort(base + ro) & 0xFFFF) : b.get(base + ro);
                }
                if (to >= 0) {
                    ts[i] = (int) Math.rint(b.getFloat(base + to) * scale - bias);
                }
            }
        }
        return allFinite ? l.n() : squeeze(c, l.n());
    }

    /** Moves the points with finite coordinates to the front. @return how many there are */
    private static int squeeze(SweepArrays.Set c, int n) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(c.xs()[i]) && Float.isFinite(c.ys()[i]) && Float.isFinite(c.zs()[i])) {
                c.xs()[k] = c.xs()[i];
                c.ys()[k] = c.ys()[i];
                c.zs()[k] = c.zs()[i];
                c.is()[k] = c.is()[i];
                c.rs()[k] = c.rs()[i];
                c.ts()[k] = c.ts()[i];
                k++;
            }
        }
        return k;
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
