package io.avreplay.replay.importer.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.avreplay.replay.arrow.LidarColumns;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.ros2.RosStruct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SweepColumnsTest {
    private final BufferAllocator allocator = new RootAllocator();

    /** Closing the allocator fails the test if the pool leaked a buffer. */
    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void columnsComeBackOnlyAfterEveryUserReleasedThem() {
        try (SweepColumns pool = new SweepColumns(allocator)) {
            LidarColumns a = pool.take(3);
            pool.track(a, 2);
            pool.release(a);
            // one user (of two) still reads a: it must not be handed out
            LidarColumns b = pool.take(3);
            assertNotSame(a, b);
            pool.release(a);
            assertSame(a, pool.take(2), "a free set large enough is reused");
            // the free list is now empty again: the next set is new
            assertNotSame(a, pool.take(3));
            pool.release(a); // untracked now: ignored
        }
    }

    @Test
    void aFreeSetTooSmallIsNotHandedOutAndReleasesBeyondTheKeptOnesAreFreed() {
        try (SweepColumns pool = new SweepColumns(allocator)) {
            LidarColumns three = pool.take(3);
            pool.track(three, 1);
            pool.release(three);
            LidarColumns four = pool.take(4);
            assertEquals(4, four.capacity());
            assertSame(three, pool.take(3));
            LidarColumns[] many = new LidarColumns[SweepColumns.KEEP_FREE + 2];
            for (int i = 0; i < many.length; i++) {
                many[i] = pool.take(1);
                pool.track(many[i], 1);
            }
            long before = allocator.getAllocatedMemory();
            for (LidarColumns c : many) {
                pool.release(c);
            }
            // KEEP_FREE stay in the pool, the other two are freed at once
            assertEquals(before - 2 * bytesOf(1), allocator.getAllocatedMemory());
        }
    }

    /**
     * Recycled columns hold the last sweep's values: a cloud with no intensity, ring or time decoded into them reads
     * them as 0, not as the previous cloud's. First cloud: RosBagBuilder.cloud, 4 points with intensity i/10,
     * ring i % 32, time i µs; second: x y z only, point i = (10 + i, 0, 0).
     */
    @Test
    void recycledColumnsHaveTheColumnsNoFieldFillsZeroed() {
        try (SweepColumns pool = new SweepColumns(allocator)) {
            PointCloudDecoder.Cloud first = PointCloudDecoder.parse(RosBagBuilder.cloud(5, "l", 4, false), 5);
            LidarColumns c = pool.take(first.points());
            assertEquals(4, first.decodeInto(c));
            assertEquals(0.3f, c.intensity().getFloat(12));
            pool.track(c, 1);
            pool.release(c);
            ByteBuffer b = ByteBuffer.allocate(4 * 12).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 4; i++) {
                b.putFloat(i * 12, 10 + i);
            }
            RosStruct xyz = new RosStruct("sensor_msgs/PointCloud2", Map.of("height", 1L, "width", 4L, "fields",
                    List.of(field("x", 0), field("y", 4), field("z", 8)), "is_bigendian", false, "point_step", 12L,
                    "row_step", 48L, "data", b.array(), "is_dense", true));
            PointCloudDecoder.Cloud second = PointCloudDecoder.parse(xyz, 6);
            LidarColumns again = pool.take(second.points());
            assertSame(c, again);
            LidarSweep s = again.view("l", 6, second.decodeInto(again)).toSweep();
            assertArrayEquals(new float[] {10, 11, 12, 13}, s.x());
            assertArrayEquals(new float[4], s.intensity());
            assertArrayEquals(new byte[4], s.ring());
            assertArrayEquals(new int[4], s.offsetNs());
        }
    }

    /** Arrow rounds each buffer up; measure one set of {@code n} points rather than guess. */
    private long bytesOf(int n) {
        long before = allocator.getAllocatedMemory();
        try (LidarColumns c = LidarColumns.allocate(allocator, n)) {
            return allocator.getAllocatedMemory() - before;
        }
    }

    private static RosStruct field(String name, int offset) {
        return new RosStruct("sensor_msgs/PointField", Map.of("name", name, "offset", (long) offset, "datatype", 7L,
                "count", 1L));
    }
}
