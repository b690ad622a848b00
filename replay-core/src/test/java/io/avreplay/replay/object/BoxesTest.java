package io.avreplay.replay.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxesTest {
    @Test
    void lengthRunsAlongTheHeadingAndWidthAcrossIt() {
        // 4 m long, 2 m wide, heading +90°: the long side lies along world y
        Box3d b = Box3d.ego(new Vec3(0, 0, 0), 4, 2, 1, Math.PI / 2);
        assertTrue(b.contains(0, 1.9, 0));
        assertFalse(b.contains(1.9, 0, 0));
        assertEquals(BoxFrame.EGO, b.frame());
    }

    @Test
    void transformedMovesTheCentreAndTurnsTheHeading() {
        // ego at (10, 5, 0) turned +90°: ego point (1, 0, 0) is world (10, 6, 0); heading 0 becomes +90°
        Pose egoToWorld = new Pose(Quaternion.fromYaw(Math.PI / 2), new Vec3(10, 5, 0));
        Box3d w = Box3d.ego(new Vec3(1, 0, 0.5), 4, 2, 1.5, 0).transformed(egoToWorld, BoxFrame.WORLD);
        assertEquals(BoxFrame.WORLD, w.frame());
        assertEquals(10, w.x(), 1e-12);
        assertEquals(6, w.y(), 1e-12);
        assertEquals(0.5, w.z(), 1e-12);
        assertEquals(Math.PI / 2, w.yaw(), 1e-12);
        assertEquals(4, w.length());
        assertEquals(2, w.width());
    }

    @Test
    void box3dRejectsBadValuesNamingThem() {
        Vec3 c = new Vec3(0, 0, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Box3d.world(c, 0, 1, 1, 0)).getMessage()
                .contains("l=0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Box3d.world(c, 1, 1, 1, Double.NaN))
                .getMessage().contains("yaw must be finite, got NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Box3d.world(new Vec3(Double.NaN, 0, 0), 1, 1, 1, 0)).getMessage().contains("centre"));
    }

    @Test
    void box2dConvertsToAndFromXywh() {
        // [10, 20, 30, 40] as x, y, w, h: corners (10, 20) and (40, 60), area 1200
        Box2d b = Box2d.ofXywh(10, 20, 30, 40);
        assertEquals(new Box2d(10, 20, 40, 60), b);
        assertEquals(30, b.width());
        assertEquals(40, b.height());
        assertEquals(1200, b.area());
        assertThrows(IllegalArgumentException.class, () -> Box2d.ofXywh(0, 0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Box2d(5, 0, 4, 1));
    }

    @Test
    void detectionsUseDocumentedSentinelsForWhatIsUnknown() {
        Box3d box = Box3d.ego(new Vec3(1, 2, 0), 4, 2, 1.5, 0);
        Detection3d d = Detection3d.of(box, "car", 0.5, Double.NaN, Double.NaN);
        assertEquals(Detection3d.NO_TRACK, d.trackId());
        assertTrue(Double.isNaN(d.trackScore()));
        assertFalse(d.hasVelocity());
        assertEquals("", d.attribute());
        assertEquals("m1", d.withModelId("m1").modelId());
        assertThrows(IllegalArgumentException.class, () -> Detection3d.of(box, "car", -0.1, 0, 0));
        GroundTruth3d g = new GroundTruth3d(box, "car", "inst-1", GroundTruth3d.UNKNOWN_POINTS, 1, 0,
                List.of("vehicle.moving"), Float.NaN);
        assertEquals("vehicle.moving", g.attribute());
        assertTrue(g.hasVelocity());
        assertThrows(IllegalArgumentException.class, () -> new GroundTruth3d(box, "car", "", -2, 0, 0, List.of(), 1f));
        Detection2d d2 = Detection2d.of("cam", new Box2d(0, 0, 1, 1), "car", 0.9);
        assertEquals("", d2.modelId());
    }
}
