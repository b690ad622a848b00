package io.avreplay.replay.importer.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.LidarSweep;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxPointCounterTest {
    private static final long T = 1_000_000_000L;
    private static final Vec3 NO_VELOCITY = new Vec3(Double.NaN, Double.NaN, Double.NaN);

    /** lidar_top sits at (1, 0, 2) in base_link, level. */
    private static FrameTree tree() {
        FrameTree t = new FrameTree();
        t.put("base_link", "lidar_top", new Pose(Quaternion.IDENTITY, new Vec3(1, 0, 2)), true);
        return t;
    }

    /**
     * Five points in lidar_top; in base_link add (1, 0, 2). Against the car at (10, 0, 0.8), yaw 0.3, 4.5 × 1.8 × 1.6
     * (box axes: lx = cos·dx + sin·dy, ly = −sin·dx + cos·dy with cos 0.3 = 0.9553, sin 0.3 = 0.2955):
     * (9, 0, −1.2) → centre: inside. (9, 0.5, −1.2) → d = (0, 0.5): lx 0.148, ly 0.478 ≤ 0.9: inside.
     * (9, 1.5, −1.2) → ly 1.433 > 0.9: outside. (9, 0, 1) → z 3.0, |3.0 − 0.8| > 0.8: outside.
     * (11, 0, −1.2) → d = (2, 0): lx 1.911 ≤ 2.25, ly −0.591: inside. So 3.
     */
    private static LidarSweep sweep(long t) {
        return new LidarSweep("lidar_top", t, new float[] {9, 9, 9, 9, 11}, new float[] {0, 0.5f, 1.5f, 0, 0},
                new float[] {-1.2f, -1.2f, -1.2f, 1, -1.2f}, new float[5], new byte[5], new int[5]);
    }

    private static BagImport.ObjectFrame car(long t, String frame) {
        return new BagImport.ObjectFrame(t, frame, List.of(new ObjectDecoder.FrameObject("c", "car",
                new Pose(Quaternion.fromYaw(0.3), new Vec3(10, 0, 0.8)), new Vec3(4.5, 1.8, 1.6), NO_VELOCITY)));
    }

    @Test
    void countsAgainstTheSweepWhicheverComesFirst() {
        BoxPointCounter c = new BoxPointCounter(tree());
        c.sweep(sweep(T), "lidar_top");
        BagImport.ObjectFrame after = car(T + 2_000_000L, "base_link");
        c.objects(after);
        assertEquals(3, c.pointsIn(after, 0));

        BoxPointCounter d = new BoxPointCounter(tree());
        BagImport.ObjectFrame before = car(T, "base_link");
        d.objects(before);
        assertEquals(0, d.pointsIn(before, 0), "no sweep yet");
        d.sweep(sweep(T + 1_000_000L), "lidar_top");
        assertEquals(3, d.pointsIn(before, 0));
    }

    @Test
    void noCountWithoutACloseSweepOrAStaticPath() {
        BoxPointCounter c = new BoxPointCounter(tree());
        c.sweep(sweep(T), "lidar_top");
        // 6 ms apart: beyond the 5 ms tolerance.
        BagImport.ObjectFrame late = car(T + 6_000_000L, "base_link");
        c.objects(late);
        assertEquals(0, c.pointsIn(late, 0));
        // 'map' hangs nowhere in the static tree.
        BagImport.ObjectFrame world = car(T, "map");
        c.objects(world);
        assertEquals(0, c.pointsIn(world, 0));
        // In the sensor's own frame no transform is needed: car at (9, 0, -1.2) in lidar_top is the same box.
        BagImport.ObjectFrame own = new BagImport.ObjectFrame(T, "lidar_top", List.of(new ObjectDecoder.FrameObject("c", "car",
                new Pose(Quaternion.fromYaw(0.3), new Vec3(9, 0, -1.2)), new Vec3(4.5, 1.8, 1.6), NO_VELOCITY)));
        c.objects(own);
        assertEquals(3, c.pointsIn(own, 0));
    }
}
