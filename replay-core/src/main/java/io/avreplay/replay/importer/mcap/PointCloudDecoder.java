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
 * <p>Reads the cloud's bytes in place (the payload view, no copy), one column at a time: each column is one
 * strided loop with its datatype decided outside it. Stateless.
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

    /** Where the points are: {@code height} rows of {@code width} points, {@code step} bytes apart. */
    private record Layout(ByteBuffer data, int width, int height, int step, int rowStep) {
        int n() {
            return width * height;
        }
    }

    private PointCloudDecoder() {
    }

    /** @param stampNs the header stamp (the sweep's reference time), ns */
    static LidarSweep decode(RosStruct m, String sensorId, long stampNs) {
        Map<String, Field> fields = new HashMap<>();
        for (RosStruct f : m.structs("fields")) {
            String name = f.string("name");
            fields.put(name, new Field(name, (int) f.integer("offset"), (int) f.integer("datatype")));
        }
        Layout l = layout(m, fields);
        Field intensity = first(fields, List.of("intensity", "i", "reflectivity"));
        Field ring = first(fields, List.of("ring", "channel", "ring_id"));
        Field time = first(fields, List.of("time", "t", "timestamp", "time_stamp", "offset_ns"));
        int n = l.n();
        float[] xs = floats(l, require(fields, "x"));
        float[] ys = floats(l, require(fields, "y"));
        float[] zs = floats(l, require(fields, "z"));
        float[] is = intensity == null ? new float[n] : floats(l, intensity);
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(is[i])) {
                is[i] = 0f;
            }
        }
        byte[] rs = ring == null ? new byte[n] : rings(l, ring);
        int[] ts = time == null || n == 0 ? new int[n] : offsets(l, time, stampNs);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(xs[i]) && Float.isFinite(ys[i]) && Float.isFinite(zs[i])) {
                kept++;
            }
        }
        if (kept == n) {
            // every point finite (the usual dense cloud): hand the arrays over, no copies
            return new LidarSweep(sensorId, stampNs, xs, ys, zs, is, rs, ts);
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(xs[i]) && Float.isFinite(ys[i]) && Float.isFinite(zs[i])) {
                xs[k] = xs[i];
                ys[k] = ys[i];
                zs[k] = zs[i];
                is[k] = is[i];
                rs[k] = rs[i];
                ts[k] = ts[i];
                k++;
            }
        }
        return new LidarSweep(sensorId, stampNs, Arrays.copyOf(xs, k), Arrays.copyOf(ys, k), Arrays.copyOf(zs, k),
                Arrays.copyOf(is, k), Arrays.copyOf(rs, k), Arrays.copyOf(ts, k));
    }

    private static Layout layout(RosStruct m, Map<String, Field> fields) {
        long width = m.integer("width");
        long height = m.integer("height");
        long step = m.integer("point_step");
        long rowStep = m.integer("row_step");
        ByteBuffer data = m.byteView("data").order(m.bool("is_bigendian") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
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

    private static float[] floats(Layout l, Field f) {
        float[] out = new float[l.n()];
        ByteBuffer b = l.data();
        int k = 0;
        for (int r = 0; r < l.height(); r++) {
            int at = r * l.rowStep() + f.offset;
            if (f.datatype == FLOAT32) {
                for (int c = 0; c < l.width(); c++, at += l.step()) {
                    out[k++] = b.getFloat(at);
                }
            } else {
                for (int c = 0; c < l.width(); c++, at += l.step()) {
                    out[k++] = (float) read(b, at, f.datatype);
                }
            }
        }
        return out;
    }

    private static byte[] rings(Layout l, Field f) {
        byte[] out = new byte[l.n()];
        int k = 0;
        for (int r = 0; r < l.height(); r++) {
            int at = r * l.rowStep() + f.offset;
            for (int c = 0; c < l.width(); c++, at += l.step()) {
                out[k++] = (byte) Math.max(0, Math.min(255, (long) read(l.data(), at, f.datatype)));
            }
        }
        return out;
    }

    private static int[] offsets(Layout l, Field f, long stampNs) {
        int[] out = new int[l.n()];
        TimeMode mode = TimeMode.of(f, read(l.data(), f.offset, f.datatype));
        int k = 0;
        for (int r = 0; r < l.height(); r++) {
            int at = r * l.rowStep() + f.offset;
            for (int c = 0; c < l.width(); c++, at += l.step()) {
                out[k++] = mode.offsetNs(read(l.data(), at, f.datatype), stampNs);
            }
        }
        return out;
    }

    /** How a per-point time field reads, decided once per cloud from its type and first value. */
    private enum TimeMode {
        SECONDS_RELATIVE, SECONDS_ABSOLUTE, NANOS_RELATIVE, NANOS_ABSOLUTE;

        static TimeMode of(Field f, double first) {
            if (f.isFloat()) {
                return first > 1e6 ? SECONDS_ABSOLUTE : SECONDS_RELATIVE;
            }
            return first > 1e15 ? NANOS_ABSOLUTE : NANOS_RELATIVE;
        }

        int offsetNs(double v, long stampNs) {
            double ns = switch (this) {
                case SECONDS_RELATIVE -> v * 1e9;
                case SECONDS_ABSOLUTE -> v * 1e9 - stampNs;
                case NANOS_RELATIVE -> v;
                case NANOS_ABSOLUTE -> v - stampNs;
            };
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(ns)));
        }
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

    private static double read(ByteBuffer b, int at, int datatype) {
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
