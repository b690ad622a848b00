package io.avreplay.replay.importer.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.ros2.RosStruct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointCloudDecoderTest {
    @Test
    void float32LayoutTakesTheOnePassPathWithEveryColumn() {
        // RosBagBuilder.cloud: point i = (i, 2i, 3i), intensity i/10, ring i % 32, time i µs as float32 seconds
        LidarSweep s = PointCloudDecoder.decode(RosBagBuilder.cloud(5, "l", 4, false), "l", 5);
        assertArrayEquals(new float[] {0, 1, 2, 3}, s.x());
        assertArrayEquals(new float[] {0, 6, 0, 9}, new float[] {s.y()[0], s.y()[3], s.z()[0], s.z()[3]});
        assertEquals(0.3f, s.intensity()[3]);
        assertArrayEquals(new byte[] {0, 1, 2, 3}, s.ring());
        // 3e-6f is 2.9999999e-6 s: × 1e9 = 2999.9999, rounded 3000 ns
        assertArrayEquals(new int[] {0, 1000, 2000, 3000}, s.offsetNs());
    }

    /**
     * Big-endian, two rows of two points with 8 bytes of row padding (row_step 2 × 40 + 8 = 88): x, y, z float64
     * at 0/8/16, intensity uint8 at 24, ring int32 at 28, time uint32 ns at 32, 4 bytes of point padding.
     */
    @Test
    void otherDatatypesPaddingRowsAndNonFinitePointsTakeTheGeneralPath() {
        ByteBuffer b = ByteBuffer.allocate(2 * 88).order(ByteOrder.BIG_ENDIAN);
        double[][] xyz = {{1, 2, 3}, {Double.NaN, 0, 0}, {4, 5, 6}, {7, 8, 9}};
        int[] intensity = {10, 20, 250, 255};
        int[] ring = {300, 1, -5, 7};
        long[] timeNs = {100, 200, 3_000_000_000L, 400};
        for (int p = 0; p < 4; p++) {
            int o = (p / 2) * 88 + (p % 2) * 40;
            b.putDouble(o, xyz[p][0]).putDouble(o + 8, xyz[p][1]).putDouble(o + 16, xyz[p][2]);
            b.put(o + 24, (byte) intensity[p]).putInt(o + 28, ring[p]).putInt(o + 32, (int) timeNs[p]);
        }
        RosStruct cloud = cloud(2, 2, 40, 88, true, b.array(), List.of(field("x", 0, 8), field("y", 8, 8), field("z", 16, 8),
                field("intensity", 24, 2), field("ring", 28, 5), field("time", 32, 6)));
        LidarSweep s = PointCloudDecoder.decode(cloud, "l", 0);
        // point 1 (x NaN) is dropped; ring 300 clamps to 255, -5 to 0; 3e9 ns (uint32) saturates to the int maximum
        assertArrayEquals(new float[] {1, 4, 7}, s.x());
        assertArrayEquals(new float[] {3, 6, 9}, s.z());
        assertArrayEquals(new float[] {10, 250, 255}, s.intensity());
        assertArrayEquals(new byte[] {(byte) 255, 0, 7}, s.ring());
        assertArrayEquals(new int[] {100, Integer.MAX_VALUE, 400}, s.offsetNs());
    }

    @Test
    void aFieldOutsideThePointIsRejectedNotReadPastTheData() {
        RosStruct cloud = cloud(1, 2, 12, 24, false, new byte[24], List.of(field("x", 0, 7), field("y", 4, 7),
                field("z", 10, 7)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PointCloudDecoder.decode(cloud, "l", 0));
        assertTrue(e.getMessage().contains("field z: offset 10 with 4 bytes does not fit point_step 12"), e.getMessage());
    }

    private static RosStruct field(String name, int offset, int datatype) {
        return new RosStruct("sensor_msgs/PointField", Map.of("name", name, "offset", (long) offset, "datatype",
                (long) datatype, "count", 1L));
    }

    private static RosStruct cloud(int height, int width, int step, int rowStep, boolean big, byte[] data, List<RosStruct> fields) {
        return new RosStruct("sensor_msgs/PointCloud2", Map.of("height", (long) height, "width", (long) width,
                "fields", fields, "is_bigendian", big, "point_step", (long) step, "row_step", (long) rowStep, "data", data,
                "is_dense", false));
    }
}
