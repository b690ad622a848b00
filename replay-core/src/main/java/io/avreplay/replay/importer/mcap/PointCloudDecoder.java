package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.ros2.RosStruct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * coordinate are dropped. Stateless.
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

    private record Field(int offset, int datatype) {
        boolean isFloat() {
            return datatype == FLOAT32 || datatype == FLOAT64;
        }
    }

    private PointCloudDecoder() {
    }

    /** @param stampNs the header stamp (the sweep's reference time), ns */
    static LidarSweep decode(RosStruct m, String sensorId, long stampNs) {
        Map<String, Field> fields = new HashMap<>();
        for (RosStruct f : m.structs("fields")) {
            fields.put(f.string("name"), new Field((int) f.integer("offset"), (int) f.integer("datatype")));
        }
        Field x = require(fields, "x");
        Field y = require(fields, "y");
        Field z = require(fields, "z");
        Field intensity = first(fields, List.of("intensity", "i", "reflectivity"));
        Field ring = first(fields, List.of("ring", "channel", "ring_id"));
        Field time = first(fields, List.of("time", "t", "timestamp", "time_stamp", "offset_ns"));
        int width = (int) m.integer("width");
        int height = (int) m.integer("height");
        int step = (int) m.integer("point_step");
        int rowStep = (int) m.integer("row_step");
        byte[] data = m.bytes("data");
        long n = (long) width * height;
        if (height > 0 && ((long) (height - 1) * rowStep + (long) width * step > data.length)) {
            throw new IllegalArgumentException("PointCloud2: " + width + "x" + height + " points of " + step
                    + " bytes (row_step " + rowStep + ") need more than the " + data.length + " data bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(m.bool("is_bigendian") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        float[] xs = new float[(int) n];
        float[] ys = new float[(int) n];
        float[] zs = new float[(int) n];
        float[] is = new float[(int) n];
        byte[] rs = new byte[(int) n];
        int[] ts = new int[(int) n];
        boolean xyzFloat = x.datatype == FLOAT32 && y.datatype == FLOAT32 && z.datatype == FLOAT32;
        TimeMode mode = time == null || n == 0 ? TimeMode.NONE : TimeMode.of(time, read(b, 0, time));
        int k = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int base = r * rowStep + c * step;
                float px = xyzFloat ? b.getFloat(base + x.offset) : (float) read(b, base, x);
                float py = xyzFloat ? b.getFloat(base + y.offset) : (float) read(b, base, y);
                float pz = xyzFloat ? b.getFloat(base + z.offset) : (float) read(b, base, z);
                if (!Float.isFinite(px) || !Float.isFinite(py) || !Float.isFinite(pz)) {
                    continue;
                }
                xs[k] = px;
                ys[k] = py;
                zs[k] = pz;
                if (intensity != null) {
                    float v = intensity.datatype == FLOAT32 ? b.getFloat(base + intensity.offset) : (float) read(b, base, intensity);
                    is[k] = Float.isFinite(v) ? v : 0f;
                }
                if (ring != null) {
                    rs[k] = (byte) Math.max(0, Math.min(255, (long) read(b, base, ring)));
                }
                if (mode != TimeMode.NONE) {
                    ts[k] = mode.offsetNs(read(b, base, time), stampNs);
                }
                k++;
            }
        }
        return new LidarSweep(sensorId, stampNs, java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k),
                java.util.Arrays.copyOf(zs, k), java.util.Arrays.copyOf(is, k), java.util.Arrays.copyOf(rs, k),
                java.util.Arrays.copyOf(ts, k));
    }

    /** How a per-point time field reads, decided once per cloud from its type and first value. */
    private enum TimeMode {
        NONE, SECONDS_RELATIVE, SECONDS_ABSOLUTE, NANOS_RELATIVE, NANOS_ABSOLUTE;

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
                case NONE -> 0;
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

    private static double read(ByteBuffer b, int base, Field f) {
        int at = base + f.offset;
        return switch (f.datatype) {
            case INT8 -> b.get(at);
            case UINT8 -> b.get(at) & 0xFF;
            case INT16 -> b.getShort(at);
            case UINT16 -> b.getShort(at) & 0xFFFF;
            case INT32 -> b.getInt(at);
            case UINT32 -> b.getInt(at) & 0xFFFFFFFFL;
            case FLOAT32 -> b.getFloat(at);
            case FLOAT64 -> b.getDouble(at);
            default -> throw new IllegalArgumentException("PointCloud2 field datatype must be 1..8, got " + f.datatype);
        };
    }
}
