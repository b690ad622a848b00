package io.avreplay.replay.importer.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.ros2.RosStruct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepArraysTest {
    @Test
    void arraysComeBackOnlyAfterEveryUserReleasedThem() {
        SweepArrays pool = new SweepArrays();
        SweepArrays.Set a = pool.take(3);
        LidarSweep s = sweep(a);
        pool.track(s, 2);
        pool.release(s);
        // one user (of two) still reads s: its arrays must not be handed out
        SweepArrays.Set b = pool.take(3);
        assertNotSame(a.xs(), b.xs());
        pool.release(s);
        SweepArrays.Set c = pool.take(3);
        assertSame(a.xs(), c.xs());
        assertSame(a.ts(), c.ts());
        // the free list is now empty again: the next set is new
        assertNotSame(a.xs(), pool.take(3).xs());
    }

    @Test
    void aFreeSetOfAnotherSizeIsDroppedAndUntrackedSweepsAreIgnored() {
        SweepArrays pool = new SweepArrays();
        LidarSweep s = sweep(pool.take(3));
        pool.track(s, 1);
        pool.release(s);
        pool.release(s); // a second release of an untracked sweep: nothing happens
        SweepArrays.Set four = pool.take(4);
        assertEquals(4, four.n());
        assertNotSame(s.x(), pool.take(3).xs()); // the 3-point set was dropped by take(4)
    }

    /**
     * A recycled set holds the last sweep's values: a cloud with no intensity, ring or time decoded into it reads
     * them as 0, not as the previous cloud's. First cloud: RosBagBuilder.cloud, 4 points with intensity i/10,
     * ring i % 32, time i µs; second: x y z only, point i = (10 + i, 0, 0).
     */
    @Test
    void aRecycledSetHasTheColumnsNoFieldFillsZeroed() {
        SweepArrays pool = new SweepArrays();
        LidarSweep first = PointCloudDecoder.decode(RosBagBuilder.cloud(5, "l", 4, false), "l", 5, pool);
        assertEquals(0.3f, first.intensity()[3]);
        pool.track(first, 1);
        pool.release(first);
        ByteBuffer b = ByteBuffer.allocate(4 * 12).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) {
            b.putFloat(i * 12, 10 + i);
        }
        RosStruct xyz = new RosStruct("sensor_msgs/PointCloud2", Map.of("height", 1L, "width", 4L, "fields",
                List.of(field("x", 0), field("y", 4), field("z", 8)), "is_bigendian", false, "point_step", 12L,
                "row_step", 48L, "data", b.array(), "is_dense", true));
        LidarSweep second = PointCloudDecoder.decode(xyz, "l", 6, pool);
        assertSame(first.x(), second.x());
        assertArrayEquals(new float[] {10, 11, 12, 13}, second.x());
        assertArrayEquals(new float[4], second.intensity());
        assertArrayEquals(new byte[4], second.ring());
        assertArrayEquals(new int[4], second.offsetNs());
    }

    private static LidarSweep sweep(SweepArrays.Set a) {
        return new LidarSweep("l", 1, a.xs(), a.ys(), a.zs(), a.is(), a.rs(), a.ts());
    }

    private static RosStruct field(String name, int offset) {
        return new RosStruct("sensor_msgs/PointField", Map.of("name", name, "offset", (long) offset, "datatype", 7L,
                "count", 1L));
    }
}
