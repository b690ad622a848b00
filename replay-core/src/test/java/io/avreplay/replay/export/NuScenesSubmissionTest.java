package io.avreplay.replay.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NuScenesSubmissionTest {
    @TempDir
    Path tmp;

    @Test
    void unknownVelocityIsWrittenAsNaNWhichTheDevkitAccepts() throws IOException {
        Box3d box = Box3d.ego(new Vec3(1, 2, 0.5), 4, 2, 1.5, 0);
        Path f = tmp.resolve("results.json");
        NuScenesSubmission.write(List.of(NuScenesSubmission.Sample.ofDetections("s1", Pose.IDENTITY,
                List.of(Detection3d.of(box, "car", 0.5, Double.NaN, Double.NaN)))), Map.of("use_lidar", true), f);
        String text = Files.readString(f);
        assertTrue(text.contains("\"velocity\" : [ NaN, NaN ]"), text);
        assertFalse(text.contains("null"), text);
        // size is [w, l, h] in the file: width 2, length 4
        assertTrue(text.contains("\"size\" : [ 2.0, 4.0, 1.5 ]"), text);
    }

    @Test
    void groundTruthRoundTripsIntoTheWorldFrameWithItsVelocityRotated() {
        // ego at (10, 0, 0) turned +90°: ego (1, 0, 0) is world (10, 1, 0); ego velocity (2, 0) is world (0, 2)
        Pose egoToWorld = new Pose(Quaternion.fromYaw(Math.PI / 2), new Vec3(10, 0, 0));
        GroundTruth3d g = new GroundTruth3d(Box3d.ego(new Vec3(1, 0, 0), 4, 2, 1.5, 0), "car", "t1", 7, 2, 0,
                List.of("vehicle.moving"), Float.NaN);
        Path f = tmp.resolve("gt.json");
        NuScenesSubmission.write(List.of(NuScenesSubmission.Sample.ofGroundTruth("s1", egoToWorld, List.of(g))),
                Map.of(), f);
        GroundTruth3d back = NuScenesSubmission.readGroundTruth(f).get("s1").get(0);
        assertEquals(10, back.box().x(), 1e-12);
        assertEquals(1, back.box().y(), 1e-12);
        assertEquals(4, back.box().length(), 0);
        assertEquals(2, back.box().width(), 0);
        assertEquals(0, back.vx(), 1e-12);
        assertEquals(2, back.vy(), 1e-12);
        assertEquals(7, back.numPoints());
        assertEquals("vehicle.moving", back.attribute());
    }

    @Test
    void boxesOutsideTheEgoFrameAreRefused() {
        Box3d world = Box3d.world(new Vec3(0, 0, 0), 4, 2, 1.5, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NuScenesSubmission.Sample.ofDetections("s1", Pose.IDENTITY,
                        List.of(Detection3d.of(world, "car", 0.5, 0, 0))));
        assertEquals("sample s1: boxes must be in the EGO frame, got WORLD", e.getMessage());
    }
}
