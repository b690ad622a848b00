package io.avreplay.replay.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box3d;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The interoperability defects of the 2026-12 ecosystem report: KITTI types, objects out of view, COCO ids. */
class InteropExportTest {
    // A camera at the ego origin whose frame is the ego frame (z is depth): fx = fy = 500 px, centre (320, 240).
    private static final SensorCalibration CAMERA = SensorCalibration.camera("cam", Pose.IDENTITY,
            new CameraIntrinsics(500, 500, 320, 240, 640, 480, "none", List.of()));

    private static Box3d cube(double x, double z) {
        return Box3d.ego(new Vec3(x, 0, z), 2, 2, 2, 0);
    }

    @Test
    void kittiTypesAreTheDevkitsOwn() {
        assertEquals("Cyclist", KittiLabelFormat.kittiType("bicycle"));
        assertEquals("Car", KittiLabelFormat.kittiType("car"));
        assertEquals("Pedestrian", KittiLabelFormat.kittiType("pedestrian"));
        assertEquals("Misc", KittiLabelFormat.kittiType("traffic_cone"), "never Traffic_cone, which KITTI does not know");
        assertEquals("Misc", KittiLabelFormat.kittiType("motorcycle"));
    }

    @Test
    void aBoxInViewProjectsUntruncated() {
        // corners x, y in [-1, 1], depth in [9, 11]: u from 500 * -1/9 + 320 = 264.44 to 500 * 1/9 + 320 = 375.56
        KittiLabelExport.Projection p = KittiLabelExport.project(cube(0, 10), CAMERA).orElseThrow();
        assertArrayEquals(new double[] {320 - 500 / 9.0, 240 - 500 / 9.0, 320 + 500 / 9.0, 240 + 500 / 9.0}, p.bbox(), 1e-9);
        assertEquals(0, p.truncated(), 1e-12);
    }

    @Test
    void aBoxAcrossTheImageEdgeIsClippedAndTruncated() {
        // x in [-7.4, -5.4]: u from 320 - 500 * 7.4 / 9 = -91.11 to 320 - 500 * 5.4 / 11 = 74.55 (= 7380/99 px).
        // Width 16400/99 px, of which 7380/99 are in the image: truncated = 1 - 7380/16400 = 0.55.
        KittiLabelExport.Projection p = KittiLabelExport.project(cube(-6.4, 10), CAMERA).orElseThrow();
        assertEquals(0, p.bbox()[0], 1e-12);
        assertEquals(820 / 11.0, p.bbox()[2], 1e-9);
        assertEquals(0.55, p.truncated(), 1e-12);
    }

    @Test
    void boxesBehindTheCameraOrOutsideThePictureAreLeftOut() {
        assertTrue(KittiLabelExport.project(cube(0, -10), CAMERA).isEmpty(), "behind the camera");
        // u from 500 * 99 / 11 + 320 = 4820 onwards: right of the 640 px image
        assertTrue(KittiLabelExport.project(cube(100, 10), CAMERA).isEmpty(), "outside the picture");
    }

    @Test
    void cocoNumberingIsOneRuleForExportAndRun() {
        assertEquals(1, CocoNumbering.imageId(0, 0));
        assertEquals(41, CocoNumbering.imageId(0, 40));
        assertEquals((1L << 32) + 1, CocoNumbering.imageId(1, 0), "the second log of a run");
        assertEquals(OptionalLong.of(1), CocoNumbering.categoryId("car"));
        assertEquals(OptionalLong.of(8), CocoNumbering.categoryId("bicycle"));
        assertEquals(OptionalLong.of(11), CocoNumbering.categoryId("pothole"));
        assertEquals(OptionalLong.empty(), CocoNumbering.categoryId("dontcare"));
        assertEquals("log-1/cam_front/1700000000050000000.jpg",
                CocoNumbering.fileName("log-1", "cam_front", 1_700_000_000_050_000_000L, "jpeg"));
        assertEquals("log-1/image_2/100000000.png", CocoNumbering.fileName("log-1", "image_2", 100_000_000L, "png"));
    }
}
